package dev.endsession.agent.windows;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the Windows SDK header that defines every {@code public static final} field of the
 * annotated class under the same name. A test compares each value with mingw-w64's copy of that
 * header, so a typo in a Win32 constant fails the build instead of a logoff on a user's machine.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Header {

    /** @return the header's file name, e.g. {@code winuser.h} */
    String value();
}
