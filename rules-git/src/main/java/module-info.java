/**
 * Runnerguard rules for git strategy, build-directory reuse, clean-up, job tokens in git configuration and security
 * feature flags on hosts whose build directories persist.
 */
module io.github.runnerguard.rules.git {
    requires io.github.runnerguard.core;

    provides io.github.runnerguard.spi.SecurityRule with
            io.github.runnerguard.rules.git.GitFetchOnPersistentHostRule,
            io.github.runnerguard.rules.git.GitJobCleanupDisabledRule,
            io.github.runnerguard.rules.git.GitCleanGitConfigDisabledRule,
            io.github.runnerguard.rules.git.GitJobTokenPersistedRule,
            io.github.runnerguard.rules.git.GitCustomBuildDirOnSharedHostRule,
            io.github.runnerguard.rules.git.GitSecurityFlagJobOverridableRule;
}
