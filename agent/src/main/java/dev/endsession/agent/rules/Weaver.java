package dev.endsession.agent.rules;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Weaves into every constructor of one class, just before each normal return, the call
 * {@code Instances.track("com.acme.Document", this)}. The only class of the agent that touches Byte
 * Buddy, so Byte Buddy is loaded the first time a tracked class loads, never before, and never
 * without a tracking rule.
 *
 * <p>It uses Byte Buddy's class-file layer (its bundled ASM) rather than {@code Advice} and
 * {@code AgentBuilder}: for these three instructions the high-level API loads about 760 classes,
 * measured at over half a second of start-up here (see {@code docs/rules.md}); this loads about 30.
 * Nothing else changes: no new member, no frame to compute (the call is straight-line code before a
 * return, where {@code this} is initialised), so the result is also valid for retransforming a
 * class already loaded. {@code Instances.track} never throws, so the app's constructor cannot fail
 * because of it.
 */
final class Weaver {

    private static final String INSTANCES = "dev/endsession/agent/boot/Instances";
    private static final String TRACK = "(Ljava/lang/String;Ljava/lang/Object;)V";

    private Weaver() {
    }

    /**
     * @param className the class's name, e.g. {@code com.acme.Document}
     * @param bytes its class file as the JVM is about to define (or retransform) it
     * @return the class file with every constructor reporting {@code this}
     */
    static byte[] weave(String className, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0); // copies what is unchanged as it is
        reader.accept(new Constructors(writer, className), 0);
        return writer.toByteArray();
    }

    /** Passes every method through, rewriting the constructors. */
    private static final class Constructors extends ClassVisitor {
        private final String className;

        Constructors(ClassVisitor next, String className) {
            super(Opcodes.ASM9, next);
            this.className = className;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
            return "<init>".equals(name) && method != null ? new ReportOnReturn(method, className) : method;
        }
    }

    /** Before each {@code return} of a constructor: {@code Instances.track(className, this)}. */
    private static final class ReportOnReturn extends MethodVisitor {
        private final String className;

        ReportOnReturn(MethodVisitor next, String className) {
            super(Opcodes.ASM9, next);
            this.className = className;
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN) {
                super.visitLdcInsn(className);
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, INSTANCES, "track", TRACK, false);
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 2, maxLocals); // the two arguments pushed above
        }
    }
}
