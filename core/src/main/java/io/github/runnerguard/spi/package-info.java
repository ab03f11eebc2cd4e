/**
 * The rule SPI: SecurityRule and the values it works with (RuleDescriptor, Finding, Severity, AuditContext).
 */
@NullMarked
package io.github.runnerguard.spi;

import org.jspecify.annotations.NullMarked;
