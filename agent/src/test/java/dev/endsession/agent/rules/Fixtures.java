package dev.endsession.agent.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Classes that stand for an application's own, for rules to be about. */
final class Fixtures {

    private Fixtures() {
    }

    /** A document: dirty until saved, with a title read through a getter and a private field. */
    static class Doc {
        private final String title;
        private boolean dirty;
        final List<String> journal;

        Doc(String title, boolean dirty, List<String> journal) {
            this.title = title;
            this.dirty = dirty;
            this.journal = journal;
        }

        public String getTitle() {
            return title;
        }

        private boolean isDirty() { // private: rules reach any visibility
            return dirty;
        }

        String label() {
            return "not boolean";
        }

        void save() {
            journal.add("saved " + title);
            dirty = false;
        }

        boolean isLocked() {
            throw new IllegalStateException("disk full for " + title);
        }

        void explode() {
            throw new IllegalStateException("disk full for " + title);
        }

        @Override
        public boolean equals(Object other) { // every Doc equal: tracking must go by identity
            return other instanceof Doc;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /** A subclass: found through its superclass's rule, methods inherited. */
    static final class Letter extends Doc {
        Letter(String title, List<String> journal) {
            super(title, true, journal);
        }
    }

    /** Static accessors of several shapes. */
    static final class App {
        static final List<Doc> OPEN = new ArrayList<>();
        static Doc current;

        private App() {
        }

        static List<Doc> open() {
            return OPEN;
        }

        static Optional<Doc> maybe() {
            return Optional.ofNullable(current);
        }

        static Doc[] asArray() {
            return OPEN.toArray(Doc[]::new);
        }
    }
}
