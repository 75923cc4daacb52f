# sop: two commands on a fresh Debian/Ubuntu machine with Swift 6.
#   make demo   build sop and run it on the bundled sample repository
#   make test   run the test suite
APT_PACKAGES := libgit2-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config git openssh-client
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test deps build format lint-format benchmark clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build -c release --product sop

demo: build
	bash scripts/demo.sh

test: deps
	swift build --build-tests
	swift test --skip-build

format:
	swift format -i -r Package.swift Sources Tests Benchmarks

lint-format:
	swift format lint --strict -r Package.swift Sources Tests Benchmarks

clean:
	rm -rf .build demo _site
