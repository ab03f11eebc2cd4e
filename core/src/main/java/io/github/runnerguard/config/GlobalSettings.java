package io.github.runnerguard.config;

/**
 * The global settings of config.toml (keys outside {@code [[runners]]}). Placeholder: the full record is generated
 * from the schema.
 *
 * @param raw           the root table
 * @param concurrent    {@code concurrent}, default 1
 * @param listenAddress {@code listen_address}
 */
public record GlobalSettings(ConfigTable raw, Value<Long> concurrent, Value<String> listenAddress) {
}
