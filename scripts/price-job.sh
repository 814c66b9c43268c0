#!/usr/bin/env bash
# The weekly price job (.github/workflows/prices.yml), as a script that runs the same way
# from a folder of files, on a runner or here:
#
#   scripts/price-job.sh download DIR          # AWS's current price files into DIR (network)
#   scripts/price-job.sh refresh DIR BOOK OUT  # everything after the download:
#       chooses the files in DIR that the price book reads, runs refresh-prices on BOOK
#       (rewritten in place), and writes into OUT:
#         price-diff.txt  refresh-prices' report;
#         pr-body.md      the pull request's body: changed rates by Region and service,
#                         largest relative change first, the reference links' totals
#                         before and after, files AWS did not serve, files not read yet;
#         changed         "yes" when BOOK changed (a pull request to open), else "no".
#       Exit 0 with changed=no is "prices unchanged: no pull request".
#
# `make test` runs `refresh` on the verbatim fixtures (tests/fixtures/pricefiles) in a
# temporary copy of the book (scripts/test-price-job.sh), so every CI run exercises it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# AWS Price List offer codes, per Region (offers/v1.0/aws/<code>/current/<region>/index.json):
# READ, the services the price book's sections read today; LATER, the services the open
# issues add (Firehose, Managed Service for Apache Flink, S3), downloaded and listed so a
# maintainer sees AWS serves them, and read once the book has their sections.
READ="AmazonKinesis AmazonVPC AWSDataTransfer"
LATER="AmazonKinesisFirehose AmazonKinesisAnalytics AmazonS3"
# Not downloaded: AmazonEC2 (EC2 instance-hours, EBS gp3, NAT gateways). Its per-Region
# offer file is several hundred MB; the book has no EC2 section yet, and its NAT rates
# come from AWS's Price List API excerpts (README, "Refreshing prices").
MSK_URL=https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/msk/USD/current/msk.json
OFFERS=https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws

regions() { sed -n 's/^\[regions\.\([a-z0-9-]*\)\]$/\1/p' "${1:-data/prices.toml}"; }

download() {
  local dir=$1
  mkdir -p "$dir"
  : >"$dir/MISSING.txt"
  curl -fsSL --retry 3 -o "$dir/msk.json" "$MSK_URL" || echo "msk.json (${MSK_URL})" >>"$dir/MISSING.txt"
  for service in $READ $LATER; do
    for region in $(regions); do
      curl -fsSL --retry 3 -o "$dir/${service}-${region}.json" \
        "${OFFERS}/${service}/current/${region}/index.json" \
        || { echo "${service} for ${region}"; rm -f "$dir/${service}-${region}.json"; } >>"$dir/MISSING.txt"
    done
  done
  ls -l "$dir"
  echo "AWS did not serve: $(wc -l <"$dir/MISSING.txt") files"
}

refresh() {
  local dir=$1 book=$2 out=$3
  mkdir -p "$out"
  local files=() notes=() f service
  [ -f "$dir/msk.json" ] && files+=("$dir/msk.json")
  for f in "$dir"/*-*.json; do
    [ -e "$f" ] || continue
    service=${f##*/}; service=${service%%-*}
    if [[ " $READ " == *" $service "* ]]; then
      files+=("$f")
    elif [[ " $LATER " == *" $service "* ]]; then
      notes+=("downloaded, not read yet (no section of the price book prices it): ${f##*/}")
    else
      notes+=("not a file the job knows: ${f##*/}")
    fi
  done
  if [ -s "$dir/MISSING.txt" ]; then
    while IFS= read -r line; do notes+=("AWS did not serve: $line"); done <"$dir/MISSING.txt"
  fi
  if [ "${#files[@]}" = 0 ]; then
    echo "price-job: no price file to read in $dir" >&2
    return 1
  fi
  local before
  before=$(mktemp)
  cp "$book" "$before"
  local notes_file="$out/notes.txt"
  printf '%s\n' "${notes[@]+"${notes[@]}"}" >"$notes_file"
  cargo run --quiet --bin refresh-prices -- --book "$book" \
    --pr-body "$out/pr-body.md" --notes "$notes_file" "${files[@]}" \
    | tee "$out/price-diff.txt"
  if cmp -s "$before" "$book"; then
    echo no >"$out/changed"
    echo "Prices unchanged: no pull request."
  else
    echo yes >"$out/changed"
    echo "Prices changed: a pull request to open (body in $out/pr-body.md)."
  fi
  rm -f "$before"
}

case "${1:-}" in
  download) [ $# = 2 ] || { echo "usage: $0 download DIR" >&2; exit 2; }; download "$2" ;;
  refresh) [ $# = 4 ] || { echo "usage: $0 refresh DIR BOOK OUT" >&2; exit 2; }; refresh "$2" "$3" "$4" ;;
  *) echo "usage: $0 download DIR | refresh DIR BOOK OUT" >&2; exit 2 ;;
esac
