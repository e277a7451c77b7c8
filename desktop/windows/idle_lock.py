"""An encrypted database locks after a chosen idle time (Settings; 15 minutes unless said
otherwise): every window is hidden and the passphrase asked again. The windows, and whatever
was typed in them and not yet saved, stay in memory meanwhile; background jobs go on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from db.store import cipher
from desktop import settings
from desktop.context import AppContext
from desktop.dialogs.passphrase import PassphraseDialog
from desktop.i18n import translate

INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                   QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class IdleLock(QObject):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.locked = False
        self.hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.restart()

    def applies(self) -> bool:
        path = self.context.database.path
        return path is not None and cipher.key_of(path) is not None

    def restart(self) -> None:
        """Count the idle time again (after input, or when Settings changed it)."""
        minutes = settings.lock_minutes()
        if minutes <= 0:
            self.timer.stop()
        else:
            self.timer.start(minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in INPUT:
            self.restart()
        return False

    def lock(self) -> bool:
        """Hide every window and ask for the passphrase until it is given. True once unlocked
        (False: nothing to lock — a plain file, or locked already)."""
        if self.locked or not self.applies():
            return False
        path = self.context.database.path
        assert path is not None
        self.locked = True
        self.hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for window in self.hidden:
            window.hide()
        try:
            while not self.ask(path):
                pass  # the windows stay hidden until the passphrase is given
        finally:
            for window in self.hidden:
                window.show()
            self.hidden = []
            self.locked = False
            self.restart()
        return True

    def ask(self, path: object) -> bool:
        """One showing of the lock dialog; tests replace this."""
        assert self.context.database.path is not None
        database_path = self.context.database.path
        dialog = PassphraseDialog(
            None, translate("Passphrase", "Liaison is locked"),
            translate("Passphrase", "{file} locked itself after {n} minutes without use. "
                                    "Enter its passphrase to go on; nothing you were "
                                    "typing was lost.").format(
                file=database_path.name, n=settings.lock_minutes()),
            check=lambda secret: self.check(secret))
        return bool(dialog.exec())

    def check(self, secret: str) -> bytes:
        """The passphrase (or recovery key) must open this very file with the key in use."""
        path = self.context.database.path
        assert path is not None
        held = cipher.key_of(path)
        key = cipher.unlock(path, secret)
        if held is not None and key != held:
            cipher.remember(path, held)
            raise cipher.WrongPassphrase(translate(
                "Encryption", "That key does not open {file}: it belongs to another file, or "
                              "the file is damaged.").format(file=path.name))
        return key
