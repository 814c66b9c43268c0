#!/usr/bin/env bash
# Runs the weekly price job's steps after the download (scripts/price-job.sh refresh) on
# the verbatim fixtures of tests/fixtures/pricefiles, laid out as the download names
# them, against temporary copies of the price book (data/prices.toml is never touched).
# Run by `make test`; prints "price job: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
FIX=tests/fixtures/pricefiles
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0; failed=0
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
has() { grep -qF -- "$2" "$1" || { echo "     $1 lacks: $2"; return 1; }; }
lacks() { ! grep -qF -- "$2" "$1" || { echo "     $1 has: $2"; return 1; }; }

differs() { ! cmp -s "$1" "$2"; }

# The files as `price-job.sh download` names them. MSK's pricing data file alone is what
# priced today's book; AWS's Price List excerpts for Singapore's interface endpoints and
# one Kinesis entry add rates (and a source) the book does not have.
only_msk=$TMP/only-msk
mkdir -p "$only_msk"
cp "$FIX/msk.json" "$only_msk/msk.json"
files=$TMP/pricefiles
mkdir -p "$files"
cp "$FIX/msk.json" "$files/msk.json"
cp "$FIX/vpc-endpoint_aps1_getproducts.json" "$files/AmazonVPC-ap-southeast-1.json"
cp "$FIX/kinesis_use1_getproducts_excerpt.json" "$files/AmazonKinesis-us-east-1.json"
printf '%s\n' "AmazonKinesisFirehose for eu-south-2" >"$files/MISSING.txt"
# (A file of a service no section reads yet is listed, not read: its content is not
# opened, so an empty stand-in is enough here.) The EC2 and EBS pricing pages' files are
# read (self-managed Kafka): verbatim, they reproduce the book's rates.
: >"$files/AmazonS3-us-east-1.json"
cp "$FIX/ec2-ondemand-eu-west-1.json" "$files/ec2-ondemand-eu-west-1.json"
cp "$FIX/ebs.json" "$files/ebs.json"

# The price book's change log, beside the temporary books (refresh-prices appends to
# the log beside the book it rewrites).
cp data/price_changes.toml "$TMP/price_changes.toml"

# 1. Prices unchanged: today's book against the file that priced it.
book=$TMP/unchanged.toml
cp data/prices.toml "$book"
out=$TMP/out-unchanged
scripts/price-job.sh refresh "$only_msk" "$book" "$out" >"$TMP/unchanged.log" 2>&1
status=$?
check "unchanged: the job succeeds" test "$status" = 0
check "unchanged: no pull request" has "$out/changed" "no"
check "unchanged: the book is byte for byte as it was" cmp -s "$book" data/prices.toml
check "unchanged: the log says so" has "$TMP/unchanged.log" "Prices unchanged: no pull request."
check "unchanged: the change log is as it was" cmp -s "$TMP/price_changes.toml" data/price_changes.toml

# 2. A rate AWS changed: the book says $0.08 for MSK Standard storage in us-east-1 where
#    AWS's file says $0.10 (a 25 % rise back to AWS's rate); the Singapore endpoint
#    rates are added.
book=$TMP/changed.toml
sed -e '/^\[regions\.us-east-1\.msk_standard\]/,/^\[/ s/^storage_gb_month = { usd = 0\.10,/storage_gb_month = { usd = 0.08,/' \
    data/prices.toml >"$book"
check "changed: the fixture edit applied" differs "$book" data/prices.toml
out=$TMP/out-changed
scripts/price-job.sh refresh "$files" "$book" "$out" >"$TMP/changed.log" 2>&1
status=$?
check "changed: the job succeeds" test "$status" = 0
check "changed: a pull request to open" has "$out/changed" "yes"
check "changed: the book has AWS's rate again" has "$book" 'storage_gb_month = { usd = 0.1, source = "aws-msk-pricing-data", usage_type = "Kafka.Storage.GP2" }'
check "changed: Singapore's endpoint rates added" has "$book" 'interface_endpoint_hour = { usd = 0.013, source = "aws-price-list-amazonvpc", usage_type = "VpcEndpoint-Hours" }'
check "changed: the MSK edit is the only rate changed" test "$(grep -c 'usd = 0.08, source = "aws-msk-pricing-data", usage_type = "Kafka.Storage.GP2"' "$book")" = 0
body=$out/pr-body.md
check "changed: the body counts the changes" has "$body" "**1 rate changed, 4 added, 0 removed**"
check "changed: the rates added" has "$body" "- ap-southeast-1 network.interface_endpoint_hour = \$0.013"
check "changed: grouped by Region and service" has "$body" "### us-east-1 · Amazon MSK"
check "changed: the rate with its relative change" has "$body" '| `msk_standard.storage_gb_month` | $0.08 | $0.1 | +25.0 % |'
check "changed: reference links that change" has "$body" "| \`?v=3&rps=102400&consumers=3&retention=30d&tiered=1d\` | MSK provisioned, Standard brokers |"
check "changed: a Region's links that do not change are not listed" lacks "$body" "region=eu-west-1"
check "changed: files AWS did not serve are reported" has "$body" "AWS did not serve: AmazonKinesisFirehose for eu-south-2"
check "changed: files not read yet are listed" has "$body" "downloaded, not read yet (no section of the price book prices it): AmazonS3-us-east-1.json"
check "changed: the EC2 and EBS files are read, and agree with the book" lacks "$body" '| `kafka_ec2'
check "changed: EU (Ireland)'s instance types came from the file" lacks "$body" "eu-west-1: kinesis_on_demand: 6 not given (a user supplies them); kinesis_on_demand_advantage: 5 not given (a user supplies them); kinesis_provisioned: 7 not given (a user supplies them); data_transfer (all 1 kept); network: 6 not given (a user supplies them); firehose: 5 not given (a user supplies them); flink: 2 not given (a user supplies them); lambda: 1 not given (a user supplies them); kafka_ec2.instance_hour"
check "the download names Regions as AWS's pricing pages do" test "$(scripts/price-job.sh region-url eu-west-1)" = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2-ondemand-without-sec-sel/Europe%20%28Ireland%29/Linux/index.json"
check "changed: the full report" has "$body" "refresh-prices' full report"
log=$TMP/price_changes.toml
# (An entry as the log writes it: its rate line and the two after, on one line.)
entry() { grep -A2 -F "rate = \"$2\"" "$1" | tr '\n' ' '; }
check "changed: the change log records the MSK rate, old and new" test "$(entry "$log" us-east-1.msk_standard.storage_gb_month)" = 'rate = "us-east-1.msk_standard.storage_gb_month" old = 0.08 new = 0.1 '
check "changed: the change log records the rates added" has "$log" 'rate = "ap-southeast-1.network.interface_endpoint_hour"'
# Dated the run's day, or the day after the book's edition when that is today or later.
edition=$(awk -F'"' '/^(start|date) = /{ d = $2 } END { print d }' data/price_changes.toml)
today=$(date -u +%F)
if [[ "$today" > "$edition" ]]; then day=$today; else day=$(date -u -d "$edition + 1 day" +%F); fi
check "changed: the change log's entries are dated the run's day" has "$log" "date = \"$day\""
check "changed: the job says what it logged" has "$TMP/changed.log" "rate changes logged as the book of"

# 3. A file that does not read: the job fails and the book is untouched.
bad=$TMP/bad
mkdir -p "$bad"
cp "$files/msk.json" "$bad/msk.json"
echo '{"not": "a price file"' >"$bad/AmazonKinesis-us-east-1.json"
book=$TMP/bad.toml
cp data/prices.toml "$book"
cp "$TMP/price_changes.toml" "$TMP/log-before-bad.toml"
scripts/price-job.sh refresh "$bad" "$book" "$TMP/out-bad" >"$TMP/bad.log" 2>&1
status=$?
check "bad file: the job fails" test "$status" != 0
check "bad file: the book is untouched" cmp -s "$book" data/prices.toml
check "bad file: the change log is untouched" cmp -s "$TMP/price_changes.toml" "$TMP/log-before-bad.toml"

# 4. No file at all: an error, not an empty pull request.
mkdir -p "$TMP/empty"
scripts/price-job.sh refresh "$TMP/empty" "$book" "$TMP/out-empty" >"$TMP/empty.log" 2>&1
status=$?
check "no files: the job fails" test "$status" != 0

if [ "$failed" != 0 ]; then
  for f in "$TMP"/*.log; do echo "--- $f"; tail -n 30 "$f"; done
fi
echo "price job: $passed passed, $failed failed"
[ "$failed" = 0 ]
