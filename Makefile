# The README's two commands: `make serve` and `make test`. Both run `make setup` first,
# which installs only what is missing (scripts/setup.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup serve build test lint unit browser e2e

setup:
	@scripts/setup.sh

serve: setup
	trunk serve --open=false

build: setup
	scripts/build.sh

# (Trunk and wasm-bindgen-cli, when missing, compile while the first checks run.)
test:
	@scripts/setup.sh --tools-later
	scripts/test.sh
