package dev.endsession.agent.rules;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves {@link TrackAdvice} into the constructors of one class, from its class file bytes. The
 * only class of the agent that uses Byte Buddy, so Byte Buddy is loaded the first time a tracked
 * class loads, never before, and never without a tracking rule.
 *
 * <p>Lean on purpose, as {@code AgentBuilder.disableClassFormatChanges()} would be but without the
 * agent builder's machinery: no new members, no type initializer, methods of the class itself only,
 * types resolved lazily; so the result is also valid for retransforming a class already loaded.
 */
final class Weaver {

    private static final AsmVisitorWrapper ADVICE = Advice.to(TrackAdvice.class).on(ElementMatchers.isConstructor());
    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(Implementation.Context.Disabled.Factory.INSTANCE)
            .with(InstrumentedType.Factory.Default.FROZEN)
            .with(VisibilityBridgeStrategy.Default.NEVER)
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);

    private Weaver() {
    }

    /**
     * @param className the class's name, e.g. {@code com.acme.Document}
     * @param bytes its class file as the JVM is about to define (or retransform) it
     * @param loader its class loader, to read its supertypes when needed
     * @return the class file with every constructor reporting {@code this}
     */
    static byte[] weave(String className, byte[] bytes, ClassLoader loader) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(className, bytes),
                ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST);
        TypeDescription type = pool.describe(className).resolve();
        return BYTE_BUDDY.redefine(type, locator).visit(ADVICE).make(pool).getBytes();
    }
}
