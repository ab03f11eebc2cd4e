/**
 * Runnerguard rules for the shell executor, the SSH executor, the VM executors that log in over SSH (Parallels,
 * VirtualBox) and autoscaled instances.
 */
module io.github.runnerguard.rules.shellssh {
    requires io.github.runnerguard.core;

    provides io.github.runnerguard.spi.SecurityRule with
            io.github.runnerguard.rules.shellssh.ShellExecutorRule,
            io.github.runnerguard.rules.shellssh.SshExecutorRule,
            io.github.runnerguard.rules.shellssh.SshHostKeyCheckingDisabledRule,
            io.github.runnerguard.rules.shellssh.SshPasswordAuthRule,
            io.github.runnerguard.rules.shellssh.SshRootLoginRule,
            io.github.runnerguard.rules.shellssh.VmAllowedImagesUnrestrictedRule,
            io.github.runnerguard.rules.shellssh.VmInstanceReusedRule;
}
