#!/usr/bin/env bash
# cfn-lint (pinned in requirements.txt, installed in .venv) over every template the app
# synthesizes, with the settings and the reasoned ignores in .cfnlintrc. Zero findings or it fails.
# Three synths: the defaults (day 1), day 2 with every optional day-2 part (-c day2=true -c detective=true),
# whose template holds every resource type the day-2-only template has, and day 2 with HTTPS (domainName
# and hostedZoneId: the certificate, the alias record, the HTTPS listener and the redirect).
set -euo pipefail
cd "$(dirname "$0")/.."
out=cdk.out.lint
rm -rf "$out" "$out.day2" "$out.https"
npx cdk synth -q -o "$out" --no-notices --no-version-reporting
npx cdk synth -q -o "$out.day2" --no-notices --no-version-reporting -c day2=true -c detective=true
npx cdk synth -q -o "$out.https" --no-notices --no-version-reporting -c day2=true -c domainName=web.example.com -c hostedZoneId=Z0123456789ABCDEFGHIJ
for f in "$out.day2"/*.template.json; do cp "$f" "$out/$(basename "$f" .template.json).day2.template.json"; done
for f in "$out.https"/*.template.json; do cp "$f" "$out/$(basename "$f" .template.json).https.template.json"; done
shopt -s nullglob
templates=("$out"/*.template.json)
if [ ${#templates[@]} -eq 0 ]; then echo "cfn-lint: no templates in $out" >&2; exit 1; fi
echo "cfn-lint $(.venv/bin/python -c 'import cfnlint.version as v; print(v.__version__)') over ${#templates[@]} templates: ${templates[*]##*/}"
.venv/bin/python -c 'import sys; from cfnlint.runner import main; sys.argv = ["cfn-lint", *sys.argv[1:]]; sys.exit(main())' "${templates[@]}"
echo "cfn-lint: no errors or warnings"
rm -rf "$out" "$out.day2" "$out.https"
