# Surgecast: the few commands a developer or CI needs. `make help` lists them.
#
# On a fresh Debian machine:   make setup run    (system packages, release build, main job)
#                              make setup test   (system packages, the whole test suite)

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Debian packages the build and the tests need: LAPACKE + OpenBLAS for LinearAlgebra, tzdata
# for IANA time zones (Asia/Seoul, America/New_York) in calendar features and tests, prometheus
# (with promtool) for the Prometheus source's tests against a real server on loopback.
SYSTEM_PACKAGES := liblapacke-dev libopenblas-dev tzdata prometheus

SWIFT ?= swift
# Build folder; a separate one (SCRATCH=.build-me) lets parallel checkouts' builds not collide.
SCRATCH ?= .build
SWIFT_FLAGS = --scratch-path $(SCRATCH)
# Release executables carry the Swift runtime and Foundation inside them: the dynamic loader
# then has a few libraries to map and bind instead of about thirty, which took about 8 ms
# (a tenth) off every short `surgecast fit` process (`make bench BENCH_ARGS=fit`). They are
# linked with the toolchain's lld: GNU ld warns about a `mktemp` call inside the static
# Foundation at every link, which would read as our problem in the main job's output.
RELEASE = -c release --static-swift-stdlib -Xswiftc -use-ld=lld
RELEASE_BIN = $(shell $(SWIFT) build $(SWIFT_FLAGS) -c release --show-bin-path)
SURGECAST = $(RELEASE_BIN)/surgecast
DEBUG_BIN = $(shell $(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)
DATASETS := Datasets
# Where the main job writes its model (ignored by git; Models/ holds committed models).
OUT := out
BENCH_ARGS ?=

# Capacity of one replica (requests per second) for plan and report, as for recommend.
CAPACITY := 0.5/s

# Seconds per fuzz target for `make fuzz` (e.g. make fuzz SECONDS=600).
SECONDS ?= 60

.PHONY: help setup build release run test bench bench-accuracy bench-many check-report watch-replay bench-serve fuzz fuzz-smoke crash-test hostile clean

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

setup: ## Install the system packages (apt-get, as root or via sudo); skips installed ones.
	@missing=""; \
	for package in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$package"; \
	done; \
	if [ -z "$$missing" ]; then \
	  echo "setup: system packages already installed ($(SYSTEM_PACKAGES))"; \
	else \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  echo "setup: installing$$missing"; \
	  $$sudo apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $$missing; \
	fi

build: ## Debug build of everything.
	$(SWIFT) build $(SWIFT_FLAGS)

release: ## Release build of the executables.
	$(SWIFT) build $(SWIFT_FLAGS) $(RELEASE) --product surgecast
	$(SWIFT) build $(SWIFT_FLAGS) $(RELEASE) --product surgecast-bench

run: ## The main job: inspect, fit, forecast, recommend, plan the default dataset; write the report.
	$(SWIFT) build $(SWIFT_FLAGS) $(RELEASE) --product surgecast
	@[ -f $(DATASETS)/traffic-5m.csv ] && [ -f $(DATASETS)/events.csv ] \
	  || $(SURGECAST) synth --out-dir $(DATASETS)
	$(SURGECAST) inspect --data $(DATASETS)/traffic-5m.csv --events $(DATASETS)/events.csv \
	  --timezone Asia/Seoul
	@mkdir -p $(OUT)
	$(SURGECAST) fit --data $(DATASETS)/traffic-1h.csv --events $(DATASETS)/events.csv \
	  --holidays KR --timezone Asia/Seoul --out $(OUT)/traffic-1h.json
	$(SURGECAST) forecast --model $(OUT)/traffic-1h.json --horizon 7d \
	  --quantiles 0.1,0.5,0.9 --format summary
	$(SURGECAST) recommend --model $(OUT)/traffic-1h.json --events $(DATASETS)/events.csv \
	  --horizon 24h --capacity-per-replica 0.5/s
	$(SURGECAST) plan --model $(OUT)/traffic-1h.json --horizon 7d \
	  --scenario docs/examples/friday-flash-sale.csv --data $(DATASETS)/traffic-1h.csv \
	  --capacity-per-replica $(CAPACITY)
	$(SURGECAST) report --model $(OUT)/traffic-1h.json --data $(DATASETS)/traffic-1h.csv \
	  --events $(DATASETS)/events.csv --scenario docs/examples/friday-flash-sale.csv \
	  --capacity-per-replica $(CAPACITY) --backtest --out $(OUT)/report.html

test: ## The whole test suite (unit and end-to-end).
	$(SWIFT) test $(SWIFT_FLAGS)

bench: ## Release build, then the benchmarks (BENCH_ARGS="fit" picks a suite).
	$(SWIFT) build $(SWIFT_FLAGS) $(RELEASE) --product surgecast
	$(SWIFT) build $(SWIFT_FLAGS) $(RELEASE) --product surgecast-bench
	$(RELEASE_BIN)/surgecast-bench $(BENCH_ARGS)

bench-accuracy: ## Release build, then M4 Hourly, Peyton Manning and default-dataset accuracy.
	$(SWIFT) build $(SWIFT_FLAGS) $(RELEASE) --product surgecast-bench
	$(RELEASE_BIN)/surgecast-bench accuracy

# Issue 8's acceptance: a 5-minute model fitted on the data before 2025-07-01 (so the refund
# surge of 2025-07-16 is out of sample), then the whole year replayed through the detector.
WATCH_CUT := 2025-07-01
watch-replay: ## Release build; fit 5-minute data before 2025-07-01; replay the year through watch.
	$(SWIFT) build $(SWIFT_FLAGS) $(RELEASE) --product surgecast
	@mkdir -p $(OUT)
	awk -F, 'NR == 1 || $$1 < "$(WATCH_CUT)"' $(DATASETS)/traffic-5m.csv \
	  > $(OUT)/traffic-5m-before-$(WATCH_CUT).csv
	$(SURGECAST) fit --data $(OUT)/traffic-5m-before-$(WATCH_CUT).csv \
	  --events $(DATASETS)/events.csv --holidays KR --timezone Asia/Seoul \
	  --out $(OUT)/traffic-5m-before-$(WATCH_CUT).json
	$(SURGECAST) watch --model $(OUT)/traffic-5m-before-$(WATCH_CUT).json \
	  --replay $(DATASETS)/traffic-5m.csv --events $(DATASETS)/events.csv \
	  --truth $(DATASETS)/truth.json

bench-many: ## Release build; fit 1,000 hourly series of a year under /usr/bin/time -v.
	$(SWIFT) build $(SWIFT_FLAGS) $(RELEASE) --product surgecast-bench
	/usr/bin/time -v $(RELEASE_BIN)/surgecast-bench many 2>&1 \
	  | grep -vE '^\s+(Average|Socket|Signals|Swaps|Page size|Exit status|File system|Voluntary|Involuntary|Minor|Major)'

bench-serve: ## Release build; wrk on serve's /v1/recommendation, loopback, 10 s, 8 connections.
	$(SWIFT) build $(SWIFT_FLAGS) $(RELEASE) --product surgecast
	scripts/bench-serve.sh $(SURGECAST) 10s 8
check-report: ## Fit and write the report (debug build), open it in headless Chromium, screenshot it.
	$(SWIFT) build $(SWIFT_FLAGS) --product surgecast
	@mkdir -p $(OUT)
	$(DEBUG_BIN)/surgecast fit --data $(DATASETS)/traffic-1h.csv --events $(DATASETS)/events.csv \
	  --holidays KR --timezone Asia/Seoul --out $(OUT)/check-report-model.json
	$(DEBUG_BIN)/surgecast report \
	  --model $(OUT)/check-report-model.json --data $(DATASETS)/traffic-1h.csv \
	  --events $(DATASETS)/events.csv --scenario docs/examples/friday-flash-sale.csv \
	  --capacity-per-replica $(CAPACITY) --out $(OUT)/report.html
	scripts/check-report.sh $(OUT)/report.html $(OUT)/report.png

fuzz: ## libFuzzer+ASan build of Fuzz/, each parser target for SECONDS (default 60).
	scripts/fuzz.sh $(SECONDS)

fuzz-smoke: ## Every fuzz target for 5 seconds (CI).
	scripts/fuzz.sh 5

crash-test: ## The SIGKILL crash-safety test with 200 kills per writer (the suite runs 30).
	SURGECAST_KILL_COUNT=200 $(SWIFT) test $(SWIFT_FLAGS) --filter CrashSafetyTests

hostile: ## Full-size hostile inputs (README "Limits"): exit code, time, peak memory.
	SCRATCH=$(SCRATCH) scripts/hostile-inputs.sh

clean: ## Remove build products.
	rm -rf $(SCRATCH)
