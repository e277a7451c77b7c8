"""Before Qt starts on Linux: are the system libraries its window system plugin (xcb) needs
there? Without them Qt stops the process with its own words ("Could not load the Qt platform
plugin 'xcb'…"); this says which packages to install instead. Imports no Qt."""

from __future__ import annotations

import ctypes
import os
import sys

# The libraries PySide6's libqxcb.so links to (`ldd`), with the Debian/Ubuntu package of each.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_packages() -> list[str]:
    """The packages whose libraries cannot be loaded, when Qt would use xcb; [] otherwise."""
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []  # offscreen, wayland, vnc…: not the xcb plugin
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return []
    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def explain_missing(packages: list[str]) -> str:
    from db.store.translation import set_language, system_language, translate

    set_language(system_language())
    return translate(
        "App", "Liaison cannot open its window: this system lacks libraries Qt needs to draw "
               "on the screen. Install them with:\n\n    {command}\n\n(Debian and Ubuntu; "
               "other systems have packages of similar names.) The liaison commands (liaison "
               "--help) work without them.").format(
        command="sudo apt-get install " + " ".join(packages))
