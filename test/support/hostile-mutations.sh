#!/usr/bin/env bash
# Mutation check of the hostile-message tests (not part of npm test; about
# 8 minutes): removes one postMessage check at a time from the SDK or the
# checkout page, rebuilds, and runs test/e2e/hostile-*.test.ts. Every line
# must end in at least one failed test; a mutant that passes means a check no
# browser test depends on. Each file is put back afterwards (also on Ctrl-C).
#
#   test/support/hostile-mutations.sh
set -uo pipefail
cd "$(dirname "$0")/../.."

backup=""
target=""
restore() { if [ -n "$backup" ]; then cp "$backup" "$target"; rm -f "$backup"; backup=""; fi; }
trap 'restore; exit 130' INT TERM
trap restore EXIT

mutant() {
  local name="$1" file="$2" old="$3" new="$4"
  target="$file"
  backup="$(mktemp)"
  cp "$file" "$backup"
  if ! OLD="$old" NEW="$new" node -e '
    const fs = require("fs"); const [file] = process.argv.slice(1);
    const text = fs.readFileSync(file, "utf8");
    if (!text.includes(process.env.OLD)) { console.error("not found: " + process.env.OLD); process.exit(1); }
    fs.writeFileSync(file, text.replace(process.env.OLD, process.env.NEW));
  ' "$file"; then
    echo "$name: SOURCE CHANGED, mutant not applied"
    restore
    return
  fi
  npm run build >/dev/null 2>&1
  local out
  out="$(npx vitest run --project e2e test/e2e/hostile-checks.test.ts test/e2e/hostile-messages.test.ts 2>&1 | sed 's/\x1b\[[0-9;]*m//g')"
  local failed
  failed="$(grep -E '^ FAIL ' <<<"$out" | sed -E 's/^ FAIL +e2e +//' | paste -sd ';' -)"
  if [ -n "$failed" ]; then echo "$name: caught by $failed"; else echo "$name: NOT CAUGHT"; fi
  restore
}

mutant sdk-source src/listen.ts 'if (!from || event.source !== from) return undefined;' ''
mutant sdk-origin src/listen.ts 'event.origin !== origin || ' ''
mutant sdk-channel src/listen.ts ' || data.channel !== channel' ''
mutant checkout-source demo/sandbox/web/checkout/messaging.ts 'if (event.source !== merchant) return;' ''
mutant checkout-origin demo/sandbox/web/checkout/messaging.ts 'if (!/^https?:\/\//.test(event.origin)) return;' ''
mutant checkout-channel demo/sandbox/web/checkout/messaging.ts 'if (data.channel !== channel) return;' ''
mutant guard-version src/protocol/guards.ts ' || data.v !== PROTOCOL_VERSION' ''
mutant popup-fixed-name src/ui/popup.ts "window.open(url, '_blank'," "window.open(url, 'imp_checkout',"
npm run build >/dev/null 2>&1
