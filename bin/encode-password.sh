#!/usr/bin/env bash
# Prints a password in the encoded form that customs.security.users.<name>.password takes
# ({bcrypt}$2a$10$...), with Spring Security's own encoder from the bundle's jar. The password is
# asked for without echo (or read from standard input) and written nowhere.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=$(bin/jar.sh)
libs=$(mktemp -d)
trap 'rm -rf "$libs"' EXIT
unzip -qoj "$jar" 'BOOT-INF/lib/spring-security-crypto-*' 'BOOT-INF/lib/spring-jcl-*' -d "$libs"

if [ -t 0 ]; then
  read -rsp "Password: " password
  echo >&2
else
  read -r password
fi
[ -n "$password" ] || { echo "No password given." >&2; exit 1; }

# handed over in the environment of jshell alone: never on a command line that ps would show
printf '%s\n' \
  'System.out.println("{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(System.getenv("CUSTOMS_PASSWORD")));' \
  '/exit' \
  | CUSTOMS_PASSWORD="$password" jshell -q --class-path "$(ls "$libs"/*.jar | paste -sd:)" - 2>/dev/null
