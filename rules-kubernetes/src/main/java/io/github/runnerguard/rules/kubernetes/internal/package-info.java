/**
 * Helpers of the Kubernetes rules (not exported): the effective job pod a runner creates, the Pod Security Standards
 * evaluator, Go regular expression translation, glob matching and pod_spec patch scanning.
 */
@NullMarked
package io.github.runnerguard.rules.kubernetes.internal;

import org.jspecify.annotations.NullMarked;
