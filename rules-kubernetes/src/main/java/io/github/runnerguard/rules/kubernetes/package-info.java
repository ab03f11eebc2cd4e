/**
 * Security rules for runners that use the Kubernetes executor ({@code kubernetes.*}), including the Pod Security
 * Standards level their job pods meet and the admission rejections that level predicts.
 */
@NullMarked
package io.github.runnerguard.rules.kubernetes;

import org.jspecify.annotations.NullMarked;
