# ssdesk -- counter terminal for social-security service centres.
#
#   make demo     install missing packages (as root), build, start --demo
#   make test     install missing packages (as root), build, run every test
#   make          build build/ssdesk and build/ssdesk-sim
#   make check-san  the unit and integration tests under ASan+UBSan
#   make fuzz     libFuzzer harnesses (clang), each run FUZZ_SECONDS (60)
#   make check-valgrind  the demo walk-in e2e under valgrind
#   make install / uninstall   honour PREFIX and DESTDIR
#
# Flags come from pkg-config; sources are listed by hand so a newcomer sees
# what is built.  SAN=1 builds with AddressSanitizer and UBSan in build-san/.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
DESTDIR  ?=
CC       ?= cc
PKG_CONFIG ?= pkg-config

ifeq ($(SAN),1)
BUILD    ?= build-san
OPT       = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined
LDSAN     = -fsanitize=address,undefined
else
BUILD    ?= build
OPT       = -O2 -g -D_FORTIFY_SOURCE=2
LDSAN     =
endif

# Quiet by default ("CC forms/idnum.c"); V=1 shows every command.
ifeq ($(V),1)
Q =
say =
else
Q = @
say = @printf '  %-6s %s\n' $(1) $(2);
endif

# Recursive (=) so pkg-config runs only when a recipe needs it, after
# scripts/deps has installed the packages.
PKGS_APP  = ncursesw formw menuw panelw libcurl libcjson libsodium
PKGS_SIM  = libcjson libsodium libmicrohttpd
PKGS_TEST = cmocka
APP_CFLAGS  = $(shell $(PKG_CONFIG) --cflags $(PKGS_APP))
APP_LIBS    = $(shell $(PKG_CONFIG) --libs $(PKGS_APP))
SIM_CFLAGS  = $(shell $(PKG_CONFIG) --cflags $(PKGS_SIM))
SIM_LIBS    = $(shell $(PKG_CONFIG) --libs $(PKGS_SIM))
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS_TEST))
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS_TEST))

WARN      = -std=c17 -Wall -Wextra -Werror -Wformat=2 -Wshadow \
            -Wstrict-prototypes -Wmissing-prototypes -Wvla -Wno-unused-parameter
HARDEN    = -fstack-protector-strong -fPIE
DEFS      = -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -DNCURSES_WIDECHAR=1 \
            -DSSDESK_VERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"'
ALL_CFLAGS  = $(WARN) $(OPT) $(HARDEN) $(DEFS) -I. $(CFLAGS)
ALL_LDFLAGS = -pie -Wl,-z,relro,-z,now $(LDSAN) $(LDFLAGS)

# Sources, one sorted list per layer (SIMSRV_SRC: ssdesk-sim's HTTPS server;
# SIM_SRC: the simulator, linked into ssdesk for --demo too).  Adding a file
# is one line in its layer's list, where LC_ALL=C sort puts it, ending in a
# backslash like every entry; a comment line closes each list, so no entry
# is ever the last and two people adding files touch different lines.
FORMS_SRC = \
    forms/audit.c \
    forms/check.c \
    forms/contrib.c \
    forms/date.c \
    forms/deadline.c \
    forms/draft_doc.c \
    forms/form.c \
    forms/form_delegation.c \
    forms/form_financial.c \
    forms/form_identity.c \
    forms/form_medical.c \
    forms/idnum.c \
    forms/journal.c \
    forms/mask.c \
    forms/newborn.c \
    forms/parse.c \
    forms/person.c \
    forms/pin.c \
    forms/poa.c \
    forms/receipt.c \
    forms/service.c \
    forms/text.c \
    # end of FORMS_SRC
NET_SRC = \
    net/api.c \
    net/api_audit.c \
    net/api_card.c \
    net/api_deleg.c \
    net/api_write.c \
    net/apijson.c \
    net/apijson_card.c \
    net/apijson_deleg.c \
    net/outbox.c \
    net/seal.c \
    net/transport.c \
    net/transport_https.c \
    net/transport_local.c \
    # end of NET_SRC
SIM_SRC = \
    sim/sim.c \
    sim/sim_app.c \
    sim/sim_approval.c \
    sim/sim_audit.c \
    sim/sim_card.c \
    sim/sim_contrib.c \
    sim/sim_data.c \
    sim/sim_deleg.c \
    sim/sim_fault.c \
    sim/sim_household.c \
    sim/sim_idem.c \
    sim/sim_identity.c \
    sim/sim_json.c \
    sim/sim_limit.c \
    sim/sim_list.c \
    sim/sim_lockout.c \
    sim/sim_medical.c \
    sim/sim_people.c \
    sim/sim_route.c \
    sim/sim_rules.c \
    sim/sim_session.c \
    # end of SIM_SRC
SIMSRV_SRC = \
    sim/server.c \
    sim/server_conn.c \
    # end of SIMSRV_SRC
TUI_SRC = \
    tui/app.c \
    tui/audit_log.c \
    tui/card_svc.c \
    tui/deleg.c \
    tui/draft.c \
    tui/draw.c \
    tui/form_screen.c \
    tui/form_view.c \
    tui/keymap.c \
    tui/lock.c \
    tui/loop.c \
    tui/main.c \
    tui/messages.c \
    tui/queued.c \
    tui/quit.c \
    tui/receipt_print.c \
    tui/screen_approval.c \
    tui/screen_approvals.c \
    tui/screen_draft.c \
    tui/screen_home.c \
    tui/screen_identity.c \
    tui/screen_person.c \
    tui/screen_receipt.c \
    tui/screen_signin.c \
    tui/services.c \
    tui/signals.c \
    tui/statedir.c \
    tui/svc_confirm.c \
    tui/svc_financial.c \
    tui/svc_household.c \
    tui/svc_medical.c \
    tui/svc_newborn.c \
    tui/svc_pin.c \
    tui/svc_poa.c \
    tui/svc_poa_insured.c \
    tui/svc_query.c \
    tui/svc_remedy.c \
    # end of TUI_SRC

# Unit tests link only the layers they test, so each layer builds alone.
# A test is tests/unit/test_NAME.c and its NAME in one list, sorted.
FORMS_TESTS = \
    check \
    contrib \
    date \
    form \
    idnum \
    mask \
    newborn \
    parse \
    person \
    pin \
    poa \
    receipt \
    service \
    text \
    # end of FORMS_TESTS
NET_TESTS = \
    apijson \
    apijson_card \
    apijson_deleg \
    outbox \
    seal \
    transport_local \
    # end of NET_TESTS
SIM_TESTS = \
    sim \
    sim_card \
    sim_fault \
    sim_pairs \
    sim_store \
    # end of SIM_TESTS
# Integration tests: tests/integration/test_NAME.c, over real HTTPS.
INTEG_TESTS = \
    card \
    classroom \
    deleg \
    hostile \
    https \
    # end of INTEG_TESTS
# forms/ tests that need libsodium (journal sealing, audit hashes).
SODIUM_TESTS = \
    audit \
    draft_doc \
    journal \
    # end of SODIUM_TESTS
# tui/ pieces that need no terminal: each links its one object (and forms/).
TUI_TESTS = \
    keymap \
    messages \
    # end of TUI_TESTS
# Screens driven by key actions over the in-process simulator, on a
# curses screen on /dev/null (tests/lib/tuitest.h): tests/unit/test_NAME.c
# linking every tui/ object but main.c, and the three libraries.
TUI_APP_TESTS = \
    tui_draft \
    tui_services \
    tui_walkin \
    # end of TUI_APP_TESTS

FORMS_OBJ = $(FORMS_SRC:%.c=$(BUILD)/%.o)
NET_OBJ   = $(NET_SRC:%.c=$(BUILD)/%.o)
SIM_OBJ   = $(SIM_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ   = $(TUI_SRC:%.c=$(BUILD)/%.o)
SIMSRV_OBJ = $(SIMSRV_SRC:%.c=$(BUILD)/%.o)
LIBS_A    = $(BUILD)/libnet.a $(BUILD)/libsim.a $(BUILD)/libforms.a

FORMS_TBIN = $(FORMS_TESTS:%=$(BUILD)/tests/test_%)
NET_TBIN   = $(NET_TESTS:%=$(BUILD)/tests/test_%)
SIM_TBIN   = $(SIM_TESTS:%=$(BUILD)/tests/test_%)
SODIUM_TBIN = $(SODIUM_TESTS:%=$(BUILD)/tests/test_%)
TUI_TBIN   = $(TUI_TESTS:%=$(BUILD)/tests/test_%)
TUI_APP_TBIN = $(TUI_APP_TESTS:%=$(BUILD)/tests/test_%)
UNIT_BIN   = $(FORMS_TBIN) $(NET_TBIN) $(SIM_TBIN) $(SODIUM_TBIN) $(TUI_TBIN) \
             $(TUI_APP_TBIN)
INTEG_BIN  = $(INTEG_TESTS:%=$(BUILD)/tests/itest_%)
TEST_CC    = $(CC) $(ALL_CFLAGS) $(APP_CFLAGS) $(SIM_CFLAGS) $(TEST_CFLAGS) \
             $(ALL_LDFLAGS)

.PHONY: all demo test tests check-layers check-layers-selftest check-san \
        bench deps deps-test install uninstall clean fuzz fuzz-build \
        check-valgrind deps-ci

all: $(BUILD)/ssdesk $(BUILD)/ssdesk-sim

# The two commands of the README.  Each installs what is missing first,
# then builds in a fresh make so pkg-config sees the new packages.
demo: deps
	$(MAKE) all
	./$(BUILD)/ssdesk --demo

test: deps-test
	$(MAKE) all tests
	$(MAKE) check-layers check-layers-selftest
	tests/run $(BUILD)

tests: $(UNIT_BIN) $(INTEG_BIN)

check-san:
	$(MAKE) SAN=1 all tests
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	tests/run build-san unit integration

bench: deps-test
	$(MAKE) all $(BUILD)/tests/classroom_load
	scripts/bench $(BUILD)
	scripts/classroom-bench $(BUILD)

deps:
	scripts/deps build
deps-test:
	scripts/deps test
deps-ci:
	scripts/deps ci

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) $(APP_CFLAGS) $(SIM_CFLAGS) -MMD -MP -c -o $@ $<

# Each archive is made afresh, and again when the lists change: a source
# file removed or renamed must not leave its old object in it (ar rcs
# only adds and replaces).
$(BUILD)/libforms.a: $(FORMS_OBJ) Makefile
	$(call say,AR,$@)rm -f $@ && $(AR) rcs $@ $(filter %.o,$^)
$(BUILD)/libnet.a: $(NET_OBJ) Makefile
	$(call say,AR,$@)rm -f $@ && $(AR) rcs $@ $(filter %.o,$^)
$(BUILD)/libsim.a: $(SIM_OBJ) Makefile
	$(call say,AR,$@)rm -f $@ && $(AR) rcs $@ $(filter %.o,$^)

$(BUILD)/ssdesk: $(TUI_OBJ) $(LIBS_A)
	$(call say,LD,$@)$(CC) $(ALL_LDFLAGS) -o $@ $(TUI_OBJ) $(LIBS_A) $(APP_LIBS) $(SIM_LIBS)

$(BUILD)/ssdesk-sim: $(SIMSRV_OBJ) $(BUILD)/libsim.a $(BUILD)/libforms.a
	$(call say,LD,$@)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SIM_LIBS)

$(FORMS_TBIN): $(BUILD)/tests/test_%: tests/unit/test_%.c $(BUILD)/libforms.a
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(TEST_CC) -o $@ $^ $(TEST_LIBS)

$(SODIUM_TBIN): $(BUILD)/tests/test_%: tests/unit/test_%.c $(BUILD)/libforms.a
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(TEST_CC) -o $@ $^ $(SIM_LIBS) $(TEST_LIBS)

$(TUI_TBIN): $(BUILD)/tests/test_%: tests/unit/test_%.c $(BUILD)/tui/%.o \
    $(BUILD)/libforms.a
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(TEST_CC) -o $@ $^ $(APP_LIBS) $(TEST_LIBS)

$(TUI_APP_TBIN): $(BUILD)/tests/test_%: tests/unit/test_%.c tests/lib/tuitest.c \
    $(filter-out $(BUILD)/tui/main.o,$(TUI_OBJ)) $(LIBS_A) tests/lib/tuitest.h
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(TEST_CC) -o $@ $(filter-out %.h,$^) $(APP_LIBS) \
	    $(SIM_LIBS) $(TEST_LIBS)

$(NET_TBIN): $(BUILD)/tests/test_%: tests/unit/test_%.c $(BUILD)/libnet.a $(BUILD)/libforms.a
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(TEST_CC) -o $@ $^ $(APP_LIBS) $(TEST_LIBS)

$(SIM_TBIN): $(BUILD)/tests/test_%: tests/unit/test_%.c $(BUILD)/libsim.a \
    $(BUILD)/libforms.a tests/unit/simtest.h
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(TEST_CC) -o $@ $(filter-out %.h,$^) $(SIM_LIBS) \
	    $(TEST_LIBS)

$(INTEG_BIN): $(BUILD)/tests/itest_%: tests/integration/test_%.c \
    tests/integration/itest.c tests/lib/rawconn.c $(BUILD)/libnet.a \
    $(BUILD)/libforms.a tests/integration/itest.h tests/lib/rawconn.h
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(TEST_CC) -o $@ $(filter-out %.h,$^) $(APP_LIBS) \
	    $(TEST_LIBS)

# The load of scripts/classroom-bench (libcurl and threads only).
$(BUILD)/tests/classroom_load: tests/bench/classroom_load.c tests/lib/rawconn.c \
    tests/lib/rawconn.h
	@mkdir -p $(dir $@)
	$(call say,LD,$@)$(CC) $(ALL_CFLAGS) $(APP_CFLAGS) $(ALL_LDFLAGS) -o $@ \
	    $(filter %.c,$^) $(shell $(PKG_CONFIG) --libs libcurl) -lpthread

# The demo walk-in e2e (tests/e2e/demo_walkin.sh) with ssdesk under
# valgrind: any memcheck error or definite leak fails (known library
# leaks: tests/valgrind.supp).
VALGRIND_LOG = $(CURDIR)/$(BUILD)/valgrind-walkin.log
check-valgrind: deps-ci
	$(MAKE) all
	@rm -f $(VALGRIND_LOG)
	E2E_VALGRIND=$(VALGRIND_LOG) bash tests/e2e/demo_walkin.sh
	@i=0; while ! grep -q "ERROR SUMMARY" $(VALGRIND_LOG) 2>/dev/null && \
	  [ $$i -lt 300 ]; do sleep 0.1; i=$$((i + 1)); done
	@grep -q "ERROR SUMMARY: 0 errors" $(VALGRIND_LOG) || \
	  { cat $(VALGRIND_LOG); echo "valgrind: errors or definite leaks"; exit 1; }
	@grep -E "definitely lost|ERROR SUMMARY" $(VALGRIND_LOG) | sed 's/^==[0-9]*== */  valgrind: /'

# ---- fuzzing (clang, libFuzzer) ----------------------------------------
# A harness is tests/fuzz/fuzz_NAME.c defining LLVMFuzzerTestOneInput; it
# links every instrumented object of forms/, net/ and sim/, with seeds in
# tests/fuzz/corpus/NAME/.  Adding one is adding its NAME here, sorted:
FUZZ_TARGETS = \
    apijson \
    audit \
    idnum \
    journal \
    sanitize \
    sim \
    # end of FUZZ_TARGETS
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_BUILD    = build-fuzz
FUZZ_OPT      = -g -O1 -fno-omit-frame-pointer \
                -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS   = -std=c17 -Wall -Wextra -Werror -Wno-unused-parameter \
                $(FUZZ_OPT) $(DEFS) -I. $(APP_CFLAGS) $(SIM_CFLAGS)
FUZZ_OBJ      = $(FORMS_SRC:%.c=$(FUZZ_BUILD)/%.o) $(NET_SRC:%.c=$(FUZZ_BUILD)/%.o) \
                $(SIM_SRC:%.c=$(FUZZ_BUILD)/%.o)
FUZZ_BIN      = $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

fuzz-build: $(FUZZ_BIN)
# Built by a pattern rule for the harnesses, kept for the next build.
.SECONDARY: $(FUZZ_OBJ)

# Each harness runs FUZZ_SECONDS on its seeds (new finds go to
# build-fuzz/corpus-NAME, never into the tree); a crash fails the target
# and leaves crash-* in build-fuzz/ to become a regression unit test.
fuzz: deps-ci
	$(MAKE) fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus-$$t; \
	  echo "  FUZZ   $$t ($(FUZZ_SECONDS) s)"; \
	  ( cd $(FUZZ_BUILD) && ./fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
	      -timeout=10 -rss_limit_mb=1024 -print_final_stats=0 \
	      corpus-$$t ../tests/fuzz/corpus/$$t >fuzz-$$t.log 2>&1 ) || \
	  { tail -n 40 $(FUZZ_BUILD)/fuzz-$$t.log; exit 1; }; \
	  grep -E '^Done [0-9]+ runs' $(FUZZ_BUILD)/fuzz-$$t.log | sed 's/^/         /'; \
	done

$(FUZZ_BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CLANG,$<)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@mkdir -p $(dir $@)
	$(call say,FUZZLD,$@)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ \
	  $(APP_LIBS) $(SIM_LIBS)

# The layers' rules (scripts/check-layers says them): include directions,
# which library headers each layer may use, forms/ and net/ never print,
# each layer compiles with only its own pkg-config flags.  The selftest
# plants one break of each rule in a copy of the tree and wants each told.
LAYER_CFLAGS = $(WARN) $(filter-out -DSSDESK_VERSION=% -DLOCALEDIR=%,$(DEFS))
check-layers:
	@CC='$(CC)' PKG_CONFIG='$(PKG_CONFIG)' LAYER_CFLAGS='$(LAYER_CFLAGS)' \
	  scripts/check-layers
check-layers-selftest:
	@CC='$(CC)' PKG_CONFIG='$(PKG_CONFIG)' LAYER_CFLAGS='$(LAYER_CFLAGS)' \
	  tests/layers/plant.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 $(BUILD)/ssdesk $(BUILD)/ssdesk-sim $(DESTDIR)$(BINDIR)/
	install -m 0644 docs/ssdesk.1 $(DESTDIR)$(MANDIR)/man1/ssdesk.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ssdesk $(DESTDIR)$(BINDIR)/ssdesk-sim \
	      $(DESTDIR)$(MANDIR)/man1/ssdesk.1

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
