package io.github.runnerguard.rules.kubernetes.internal;

/** The containers of a job pod that config.toml gives their own security context table. */
public enum ContainerKind {
    /** The build container, which runs the job script in the job's image. */
    BUILD("build", "build_container_security_context"),
    /** The helper container, which clones sources and handles artifacts and caches. */
    HELPER("helper", "helper_container_security_context"),
    /** The service containers (config.toml or .gitlab-ci.yml {@code services}). */
    SERVICE("services", "service_container_security_context"),
    /** The init-permissions init container, which prepares the shared volumes. */
    INIT_PERMISSIONS("init-permissions", "init_permissions_container_security_context");

    private final String label;
    private final String table;

    ContainerKind(String label, String table) {
        this.label = label;
        this.table = table;
    }

    /** The container's name in messages. */
    public String label() {
        return label;
    }

    /** The {@code [runners.kubernetes]} sub-table holding its security context. */
    public String table() {
        return table;
    }
}
