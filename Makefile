# liveblog-index: `make demo` to see it, `make test` to check it. Both set up what they need.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

WASM_TARGET := wasm32-unknown-unknown
WASM := target/$(WASM_TARGET)/release/liveblog_index.wasm
# What tools/zero-tables.mjs finds in it: its data symbols and where the relocations into
# them sit, and the module without the linker's symbols and relocations, which wasm-bindgen
# reads; and the code as it stands before wasm-opt, which the proof reads last.
FACTS := $(WASM:.wasm=.relocs.json)
BARE := $(WASM:.wasm=.bare.wasm)
TRAPS := $(WASM:.wasm=.traps.wasm)
MANGLED := target/$(WASM_TARGET)/release/mangled
# The rules, tests and benches read the build from target/ (the wasm, the examples, the
# adversarial shapes): a CARGO_TARGET_DIR set elsewhere would build where none of them look.
export CARGO_TARGET_DIR := $(CURDIR)/target
# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)
PORT ?= 8080

.PHONY: help setup setup-browser setup-valgrind build demo test lint test-rust test-wasm test-node test-readme test-browser bench fuzz clean

help:
	@echo "make demo   set up, build, and serve the demo on http://127.0.0.1:$(PORT)"
	@echo "make test   set up, then lint and run every test (Rust, wasm, Node, Chromium)"
	@echo "make build  build the npm package into pkg/"
	@echo "make bench  time the pipeline (wasm, native, Chromium) and search against the peers"
	@echo "make fuzz   fuzz every input reader in turn, FUZZ_SECONDS each (default 1800), inputs up to 1 MB"

# --- setup: everything a fresh machine lacks -------------------------------------------
setup:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes, once)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi
	@if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi

# valgrind counts the instructions of tests/complexity.rs's worst cases.
setup-valgrind:
	@if ! command -v valgrind >/dev/null; then \
	  echo "installing Debian's valgrind for the counted-work tests"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends valgrind; \
	fi

setup-browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-liberation; \
	fi

# --- build: the npm package in pkg/ ----------------------------------------------------
build: setup
	cargo build --release --target $(WASM_TARGET)
	rm -rf pkg && mkdir -p pkg/bin
	# The linker's data symbols and relocations (.cargo/config.toml), for zero-tables.mjs
	# below; binaryen reads no module that still carries them, so wasm-bindgen reads a copy
	# without.
	node tools/zero-tables.mjs --find $(WASM) $(FACTS) $(BARE)
	# Names kept for the two scripts below; the last wasm-opt drops them.
	wasm-bindgen --keep-debug --target web --out-dir pkg --out-name liveblog_index $(BARE)
	# The same with the linker's names, which zero-tables.mjs matches with its relocations.
	wasm-bindgen --keep-debug --no-demangle --target web --out-dir $(MANGLED) --out-name liveblog_index $(BARE)
	# Every panic a bare trap, then its source locations zeroed: 12.5 KB less gzipped (the
	# script's comment says why nothing changes).
	node tools/trap-panics.mjs pkg/liveblog_index_bg.wasm
	cp pkg/liveblog_index_bg.wasm $(TRAPS)
	# -Os run to a fixed point: 2.5 KB smaller gzipped than -Oz, parsing and searching
	# timed the same (BENCHMARKS.md, "Download size"). A function called from one place is
	# inlined there only when under 30 bytes (-ocimfs; binaryen's default is any size): 19 KB
	# smaller gzipped for 1-2% more instructions in a whole job (BENCHMARKS.md, issue 22).
	# Optimised once with names kept to see which functions are alike, then again with them
	# laid out alike next to alike (order-functions.mjs): 7.3 KB less gzipped, the same code.
	node_modules/.bin/wasm-opt -g -Os --converge -ocimfs=30 pkg/liveblog_index_bg.wasm -o $(WASM:.wasm=.named.wasm)
	node tools/order-functions.mjs $(WASM:.wasm=.named.wasm) pkg/liveblog_index_bg.wasm
	# Names kept for zero-tables.mjs, which drops them.
	node_modules/.bin/wasm-opt -g --reorder-functions-by-name -Os --converge -ocimfs=30 --strip-producers --strip-target-features pkg/liveblog_index_bg.wasm -o pkg/liveblog_index_bg.wasm
	node tools/trap-panics.mjs --locations pkg/liveblog_index_bg.wasm
	# The data that only code the optimised module no longer holds read, once proved so by
	# the linker's relocations (the script's comment): std's Unicode tables that only Debug of
	# a char read (2.1 KB less gzipped), the panicking functions' texts (0.3 KB more).
	node tools/zero-tables.mjs $(FACTS) $(TRAPS) $(MANGLED)/liveblog_index_bg.wasm pkg/liveblog_index_bg.wasm
	# wasm-bindgen declares [Symbol.dispose] on classes, which strict TypeScript rejects
	# unless the consumer's lib includes esnext.disposable; free() is the documented way.
	sed -i '/\[Symbol.dispose\]()/d' pkg/liveblog_index.d.ts
	cp js/package.json js/index.js js/node.js js/guard.js js/element.js js/worker.js js/load.js js/element.d.ts js/index.d.ts pkg/
	cp js/bin/liveblog.mjs pkg/bin/ && chmod +x pkg/bin/liveblog.mjs
	cp README.md pkg/
	@printf 'wasm: %s bytes, %s gzipped\n' $$(wc -c < pkg/liveblog_index_bg.wasm) $$(gzip -9c pkg/liveblog_index_bg.wasm | wc -c)

www/pkg: build
	rm -rf www/pkg && cp -r pkg www/pkg

demo: www/pkg
	@echo "serving www/ on http://127.0.0.1:$(PORT)  (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

# --- test ------------------------------------------------------------------------------
test: setup setup-browser setup-valgrind lint test-rust test-wasm www/pkg test-node test-readme test-browser

lint:
	cargo fmt --check
	cargo fmt --check --manifest-path fuzz/Cargo.toml
	cargo clippy --manifest-path fuzz/Cargo.toml --all-targets -- -D warnings
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --all-targets -- -D warnings

test-rust:
	cargo test

test-wasm:
	cargo test --target $(WASM_TARGET) --test wasm

# The worst case of each adversarial shape at a megabyte and a little (1,000,000 to 1,048,576
# bytes, the fuzzers' largest input), in target/adversarial/READER/SHAPE: tests/js/package.test.mjs
# reads them through the packed package, `make bench` times them (bench/adversarial.mjs), and
# `make fuzz` seeds the text and html targets with them. Every shape the example knows must have
# a size here: the rule stops on one that has none, so no shape is left out of those.
ADVERSARIAL_TEXT := people:7500 orgs:7450 quotes:5430 repeated-quotes:4160 possessives:30600 long-line:174200 timed-posts:24350 cue-chain:15550 adjunct-chain:18300 search:8960 crowded-post:7300 colliding-words:4700
ADVERSARIAL_HTML := markup-jsonld:2590 pinned:2895 flat:7400 open-post:7600
target/adversarial/.written: examples/adversarial.rs Makefile
	cargo build --release --example adversarial
	@for shape in $$(target/release/examples/adversarial list | cut -f1); do \
	  case " $(ADVERSARIAL_TEXT) $(ADVERSARIAL_HTML) " in *" $$shape:"*) ;; \
	  *) echo "adversarial shape $$shape has no size in ADVERSARIAL_TEXT or ADVERSARIAL_HTML"; exit 1;; esac; \
	done
	@rm -rf target/adversarial/text target/adversarial/html
	@mkdir -p target/adversarial/text target/adversarial/html
	@for spec in $(ADVERSARIAL_TEXT); do target/release/examples/adversarial $${spec%%:*} $${spec##*:} --write target/adversarial/text/$${spec%%:*}; done
	@for spec in $(ADVERSARIAL_HTML); do target/release/examples/adversarial $${spec%%:*} $${spec##*:} --write target/adversarial/html/$${spec%%:*}; done
	@touch $@

test-node: target/adversarial/.written
	node --test tests/js/

# The README's commands as written (they rebuild pkg/, so after the tests that read it).
test-readme:
	node --test tests/readme.test.mjs

# The markup renderer's page of each family, for tests/browser/families.test.mjs (written
# to the git-ignored tests/browser/pages/).
test-browser:
	cargo test --test rendered_pages pages_for_the_browser -- --ignored
	node --test tests/browser/

bench: build setup-browser target/adversarial/.written
	cargo build --release --example pipeline
	node bench/parse.mjs
	node bench/adversarial.mjs --write
	node bench/pipeline.mjs --write
	node --expose-gc bench/search.mjs 2000 50000 --write

clean:
	rm -rf target pkg www/pkg node_modules

# --- fuzz: cargo-fuzz on the nightly toolchain; finds in fuzz/work -------------------------
# Seeds: the test fixtures (every form, read where they are), per target fuzz/corpus/T (the
# inputs a find came from, and hand-written queries and index operations), and the worst
# cases of examples/adversarial.rs at about a megabyte each (target/adversarial/T, above), so
# that the fuzzers start at scale. Inputs up to 1 MB.
FUZZ_SECONDS ?= 1800
FUZZ_MAX_LEN ?= 1048576
# Seconds one input may take before it counts as a hang: a megabyte seed through the
# sanitizer's build takes 10-15 s of CPU (a second natively), and twice that when the fuzzer
# runs it again to look for leaks; on a shared two-core machine a minute of wall time is not
# a hang. Quadratic paths are tests/complexity.rs's to find, by counted work.
FUZZ_TIMEOUT ?= 300
FUZZ_TARGETS := text html json_ld query index_ops
fuzz: target/adversarial/.written
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	cargo +nightly fuzz build -O
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/work/$$t; \
	  seeds=tests/fixtures; \
	  [ -d fuzz/corpus/$$t ] && seeds="$$seeds fuzz/corpus/$$t"; \
	  [ -d target/adversarial/$$t ] && seeds="$$seeds target/adversarial/$$t"; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s, inputs up to $(FUZZ_MAX_LEN) bytes"; \
	  cargo +nightly fuzz run -O $$t fuzz/work/$$t $$seeds -- -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=4096 || exit 1; \
	done
