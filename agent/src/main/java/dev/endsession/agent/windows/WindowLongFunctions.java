package dev.endsession.agent.windows;

/**
 * Which user32 functions read and replace a window's procedure. 64-bit user32 exports
 * {@code GetWindowLongPtrW}/{@code SetWindowLongPtrW}; 32-bit x86 user32 does not (there
 * {@code winuser.h} defines them as macros for {@code GetWindowLongW}/{@code SetWindowLongW}), so
 * binding the Ptr names on a 32-bit JVM fails with {@code UnsatisfiedLinkError}
 * (<a href="https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-setwindowlongptrw">SetWindowLongPtr</a>:
 * "to write code that is compatible with both 32-bit and 64-bit Windows, use SetWindowLongPtr", a macro on 32-bit).
 */
enum WindowLongFunctions {

    /** x64 and ARM64: pointer-sized slots. */
    PTR("GetWindowLongPtr", "SetWindowLongPtr"),
    /** x86: the slot is a LONG, as wide as a pointer there. */
    LONG("GetWindowLong", "SetWindowLong");

    final String get;
    final String set;

    WindowLongFunctions(String get, String set) {
        this.get = get;
        this.set = set;
    }

    /** @param pointerBytes the JVM's pointer size (JNA's {@code Native.POINTER_SIZE}) @return the functions to call */
    static WindowLongFunctions forPointerSize(int pointerBytes) {
        return pointerBytes == 8 ? PTR : LONG;
    }
}
