#!/usr/bin/python3
"""Stands in for gnome-shell's end-session dialog on a test's private session bus: owns org.gnome.Shell
(and org.gnome.ScreenSaver, which gnome-shell owns too), serves /org/gnome/SessionManager/EndSessionDialog,
and prints one line per inhibitor the dialog would list ("row app=ID reason=TEXT"), then plays the user:
usage: fake_shell.py confirm|cancel|none DELAY_S"""
import sys, time
import dbus, dbus.service, dbus.mainloop.glib
from gi.repository import GLib

action, delay = sys.argv[1], float(sys.argv[2])
IFACE = "org.gnome.SessionManager.EndSessionDialog"

def say(text):  # one write per line, with the wall clock in ms, as the test's recording listener writes it
    sys.stdout.write("%d %s\n" % (int(time.time() * 1000), text))
    sys.stdout.flush()

dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
bus = dbus.SessionBus()

class Dialog(dbus.service.Object):
    @dbus.service.method(IFACE, in_signature="uuuao", out_signature="")
    def Open(self, kind, timestamp, seconds, inhibitors):
        say("open type=%d inhibitors=%d" % (kind, len(inhibitors)))
        for path in inhibitors:
            inhibitor = dbus.Interface(bus.get_object("org.gnome.SessionManager", path), "org.gnome.SessionManager.Inhibitor")
            say("row app=%s reason=%s" % (inhibitor.GetAppId(), inhibitor.GetReason()))
        if action == "confirm":
            GLib.timeout_add(int(delay * 1000), self.confirm, int(kind))
        elif action == "cancel":
            GLib.timeout_add(int(delay * 1000), self.cancel)

    def confirm(self, kind):
        say("user confirms")
        {0: self.ConfirmedLogout, 1: self.ConfirmedShutdown, 2: self.ConfirmedReboot}[kind]()
        return False

    def cancel(self):
        say("user cancels")
        self.Canceled()
        return False

    @dbus.service.method(IFACE, in_signature="", out_signature="")
    def Close(self):
        say("close")

    @dbus.service.signal(IFACE)
    def ConfirmedLogout(self): pass

    @dbus.service.signal(IFACE)
    def ConfirmedShutdown(self): pass

    @dbus.service.signal(IFACE)
    def ConfirmedReboot(self): pass

    @dbus.service.signal(IFACE)
    def Canceled(self): pass

    @dbus.service.signal(IFACE)
    def Closed(self): pass

class ScreenSaver(dbus.service.Object):
    @dbus.service.method("org.gnome.ScreenSaver", in_signature="", out_signature="b")
    def GetActive(self): return False

    @dbus.service.signal("org.gnome.ScreenSaver", signature="b")
    def ActiveChanged(self, active): pass

names = [dbus.service.BusName("org.gnome.ScreenSaver", bus), dbus.service.BusName("org.gnome.Shell", bus)]
ScreenSaver(bus, "/org/gnome/ScreenSaver")
Dialog(bus, "/org/gnome/SessionManager/EndSessionDialog")
say("ready")
GLib.MainLoop().run()
