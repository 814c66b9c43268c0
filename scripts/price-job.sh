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
# EC2 on-demand instance-hours and EBS (gp3) for self-managed Kafka on EC2 come from the
# EC2 pricing page's data files (AmazonEC2's Price List offer file is several hundred MB
# per Region): ec2-ondemand-<region>.json per Region and ebs.json, read into the book's
# kafka_ec2 sections. NAT gateway rates (AmazonEC2 too) stay as they
# are unless a GetProducts copy is given by hand (README, "Refreshing prices").
PAGES=https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps
MSK_URL=$PAGES/msk/USD/current/msk.json
EBS_URL=$PAGES/ec2/USD/current/ebs.json
OFFERS=https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws

regions() { sed -n 's/^\[regions\.\([a-z0-9-]*\)\]$/\1/p' "${1:-data/prices.toml}"; }
# A Region's name in the book (`name = "EU (Ireland)"`), as AWS's pricing pages key it.
region_name() {
  awk -v r="[regions.$1]" '$0 == r { found = 1; next } found && /^name = / { sub(/^name = "/, ""); sub(/"$/, ""); print; exit }' data/prices.toml
}
uri() { printf '%s' "$1" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/(/%28/g' -e 's/)/%29/g'; }

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
  curl -fsSL --retry 3 -o "$dir/ebs.json" "$EBS_URL" || echo "ebs.json (${EBS_URL})" >>"$dir/MISSING.txt"
  for region in $(regions); do
    name=$(region_name "$region")
    curl -fsSL --retry 3 -o "$dir/ec2-ondemand-${region}.json" \
      "$PAGES/ec2/USD/current/ec2-ondemand-without-sec-sel/$(uri "$name")/Linux/index.json" \
      || { echo "EC2 on-demand (pricing page data) for ${region}"; rm -f "$dir/ec2-ondemand-${region}.json"; } >>"$dir/MISSING.txt"
  done
  ls -l "$dir"
  echo "AWS did not serve: $(wc -l <"$dir/MISSING.txt") files"
}

refresh() {
  local dir=$1 book=$2 out=$3
  mkdir -p "$out"
  local files=() notes=() f service
  [ -f "$dir/msk.json" ] && files+=("$dir/msk.json")
  for f in "$dir"/*.json; do
    [ -e "$f" ] || continue
    [ "${f##*/}" = msk.json ] && continue
    service=${f##*/}; service=${service%%-*}
    if [[ " $READ " == *" $service "* || "${f##*/}" == ec2-ondemand-*.json || "${f##*/}" == ebs.json ]]; then
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
  # (For the test: the EC2 pricing-page data file's address for a Region of the book.)
  region-url) echo "$PAGES/ec2/USD/current/ec2-ondemand-without-sec-sel/$(uri "$(region_name "$2")")/Linux/index.json" ;;
  *) echo "usage: $0 download DIR | refresh DIR BOOK OUT" >&2; exit 2 ;;
esac
