#!/bin/sh
# Runs a test executable inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service), so
# the QtKeychain path is exercised for real without touching the user's own keyring.
#   tests/keychain/run-in-keyring.sh build/tests/TestKeychainVault [test args...]
# Exits 77 (ctest SKIP_RETURN_CODE) when dbus, gnome-keyring or libsecret is not installed:
#   apt-get install dbus gnome-keyring libsecret-1-0        (packaging/dev installs them)
set -u

if [ $# -lt 1 ]; then
    echo "usage: $0 TEST-EXECUTABLE [ARGS...]" >&2
    exit 2
fi

for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (apt-get install dbus gnome-keyring libsecret-1-0)" >&2
        exit 77
    fi
done
have_libsecret=no
for lib in /usr/lib/*/libsecret-1.so.0 /usr/lib/libsecret-1.so.0 /usr/lib64/libsecret-1.so.0; do
    [ -e "$lib" ] && have_libsecret=yes
done
if [ "$have_libsecret" = no ]; then
    echo "SKIP: libsecret-1-0 is not installed; QtKeychain needs it to reach the Secret Service" >&2
    exit 77
fi

# Tells the test it runs inside a throw-away keyring session (it skips itself otherwise).
export EKYC_KEYRING_SESSION=1
unset DISPLAY WAYLAND_DISPLAY

# Recipe from /work/shared/notes/toolchain.md, plus clean-up of the throw-away HOME and runtime directory.
exec dbus-run-session -- sh -c '
    XDG_RUNTIME_DIR=$(mktemp -d) || exit 1
    HOME=$(mktemp -d) || exit 1
    export XDG_RUNTIME_DIR HOME
    chmod 700 "$XDG_RUNTIME_DIR"
    eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"
    "$@"
    rc=$?
    rm -rf "$XDG_RUNTIME_DIR" "$HOME"
    exit $rc
' sh "$@"
