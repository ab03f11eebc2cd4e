/**
 * ACME's policy rules for GitLab Runner configs, plugged into Runnerguard through its SecurityRule SPI.
 */
@NullMarked
package com.example.policy;

import org.jspecify.annotations.NullMarked;
