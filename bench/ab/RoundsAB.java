import java.io.*;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.*;
import java.util.*;

/**
 * An A/B harness for the round benchmark: two (or more) builds side by side, on one machine, at once.
 *
 * <p>{@code java bench/ab/RoundsAB.java N ROUNDS DIR...}, where each DIR holds a build's
 * {@code endsession-agent.jar}, {@code benchmarks.jar} and {@code round-app.jar} (copy them from
 * {@code agent/target} and {@code bench/target} after {@code bench/run} or
 * {@code mvn -pl bench -am package -Pbench -DskipTests}). Starts N {@code IdleApp}s per build with the
 * bench's flags, each build on its own private session (one app vetoes), waits {@code -Dsettle=}
 * ms (5000), then runs ROUNDS + 3 iterations (3 untimed), each build in turn (alternating which goes
 * first): {@code status --json}, then a vetoed {@code logoff --json}, through that build's own
 * {@code Cli.run} in this JVM. Prints medians (p25-p75), the apps' CPU per iteration (utime+stime of
 * every app from {@code /proc}, 10 ms ticks summed over all rounds) and this JVM's; for each build,
 * its apps' CPU from the first timed round to the last, by thread name ({@code schedstat}, ns), with
 * what threads that ended meanwhile used; this JVM's threads likewise.
 * {@code -Dnostatus=true} times the logoff alone; {@code -Dapps.opts="..."} adds JVM options to the apps;
 * {@code -Dagent.opts=",log=warn"} adds agent options; {@code -Dsubject=CLASS} runs another subject than {@code IdleApp} (e.g. {@code NotesLikeApp}, a real app's habits);
 * {@code -Dwarmup=K} makes the first K iterations untimed (3); with 0, round 1 is the apps' first contact and is
 * printed on its own, with the median of rounds 2-10; {@code -Dfull=true} ends with one timed
 * {@code logoff --on-block force} per build (query, end, terminate all N).
 */
public class RoundsAB {

    record Variant(String name, Path dir, String session, List<Process> apps, Method run) {}

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        int rounds = Integer.parseInt(a[1]);
        Path bus = Files.createTempDirectory("rounds-ab");
        Files.setPosixFilePermissions(bus, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        List<Variant> vs = new ArrayList<>();
        String extra = System.getProperty("apps.opts", "");
        try {
            for (int v = 2; v < a.length; v++) {
                Path dir = Path.of(a[v]);
                String session = "s" + v;
                List<Process> apps = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    List<String> cmd = new ArrayList<>(List.of("java", "-XX:+UseSerialGC", "-Xmx32m", "-XX:TieredStopAtLevel=1"));
                    if (!extra.isEmpty()) cmd.addAll(Arrays.asList(extra.split(" ")));
                    cmd.add("-javaagent:" + dir.resolve("endsession-agent.jar") + "=name=app" + i + ",bridge=bus" + System.getProperty("agent.opts", ""));
                    if (i == 0) cmd.add("-Dbench.veto=benchmark");
                    cmd.addAll(List.of("-cp", dir.resolve("round-app.jar").toString(),
                            "dev.endsession.bench.apps." + System.getProperty("subject", "IdleApp")));
                    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(bus.resolve(session + i + ".err").toFile());
                    pb.environment().put("ENDSESSION_BUS_DIR", bus.toString());
                    pb.environment().put("ENDSESSION_SESSION", session);
                    apps.add(pb.start());
                }
                URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("benchmarks.jar").toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                Class<?> cli = loader.loadClass("dev.endsession.agent.cli.Cli");
                Method run = cli.getMethod("run", Map.class, PrintWriter.class, PrintWriter.class, String[].class);
                vs.add(new Variant(dir.getFileName().toString(), dir, session, apps, run));
            }
            for (Variant v : vs) {
                for (Process p : v.apps) {
                    Path sock = bus.resolve(v.session).resolve(p.pid() + ".sock");
                    long until = System.nanoTime() + 120_000_000_000L;
                    while (!Files.exists(sock)) {
                        if (System.nanoTime() > until) throw new IllegalStateException("no socket " + sock);
                        Thread.sleep(50);
                    }
                }
            }
            for (Variant v : vs) { // the initiator's own first run, on an empty session: no app is contacted
                Files.createDirectories(bus.resolve("empty" + v.session), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
                call(v, Map.of("ENDSESSION_BUS_DIR", bus.toString(), "ENDSESSION_SESSION", "empty" + v.session), "status", "--json");
            }
            Thread.sleep(Long.getLong("settle", 5000));
            Map<String, List<Double>> status = new LinkedHashMap<>(), logoff = new LinkedHashMap<>();
            Map<String, Long> appCpu = new LinkedHashMap<>();
            Map<String, Long> selfCpu = new LinkedHashMap<>();
            for (Variant v : vs) { status.put(v.name, new ArrayList<>()); logoff.put(v.name, new ArrayList<>()); appCpu.put(v.name, 0L); }
            boolean statusToo = !Boolean.getBoolean("nostatus");
            Map<String, Map<String, Long>> before = new LinkedHashMap<>();
            Map<String, Long> totalBefore = new LinkedHashMap<>();
            for (Variant v : vs) { before.put(v.name, threads(v.apps)); totalBefore.put(v.name, cpu(v.apps)); }
            Map<String, Long> selfBefore = threads(List.of(ProcessHandle.current()));
            int warmup = Integer.getInteger("warmup", 3);
            Map<String, List<Double>> early = new LinkedHashMap<>();
            for (Variant v : vs) early.put(v.name, new ArrayList<>());
            for (int r = 0; r < rounds + warmup; r++) {
                for (Variant v : (r % 2 == 0 ? vs : reversed(vs))) {
                    Map<String, String> env = Map.of("ENDSESSION_BUS_DIR", bus.toString(), "ENDSESSION_SESSION", v.session);
                    long c0 = cpu(v.apps); long s0 = self();
                    if (statusToo) {
                        long t = System.nanoTime();
                        int code = call(v, env, "status", "--json");
                        double ms = (System.nanoTime() - t) / 1e6;
                        if (code != 0) throw new IllegalStateException("status " + code);
                        if (r >= warmup) status.get(v.name).add(ms);
                    }
                    long t = System.nanoTime();
                    int code = call(v, env, "logoff", "--json");
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (code != 1) throw new IllegalStateException("logoff " + code);
                    long c1 = cpu(v.apps); long s1 = self();
                    if (r >= warmup) selfCpu.merge(v.name, s1 - s0, Long::sum);
                    if (r < 10) early.get(v.name).add(ms);
                    if (r == 0) System.out.printf("%s first round (status+logoff): app cpu %d ms, logoff %.1f ms%n", v.name, (c1 - c0) * 10, ms);
                    if (r >= warmup) { logoff.get(v.name).add(ms); appCpu.put(v.name, appCpu.get(v.name) + c1 - c0); }
                }
            }
            Map<String, Map<String, Long>> after = new LinkedHashMap<>();
            Map<String, Long> totalAfter = new LinkedHashMap<>();
            for (Variant v : vs) { after.put(v.name, threads(v.apps)); totalAfter.put(v.name, cpu(v.apps)); }
            Map<String, Long> selfAfter = threads(List.of(ProcessHandle.current()));
            Map<String, Long> selfDelta = new TreeMap<>();
            selfAfter.forEach((k, v) -> selfDelta.merge(k.substring(k.indexOf('|') + 1), (v - selfBefore.getOrDefault(k, 0L)) / 1_000_000, Long::sum));
            selfDelta.values().removeIf(v -> v == 0);
            System.out.println("initiator threads, ms over the timed rounds (live ones): " + selfDelta);
            for (Variant v : vs) {
                Map<String, Long> delta = new TreeMap<>();
                Map<String, Long> b = before.get(v.name);
                after.get(v.name).forEach((k, t) -> delta.merge(k.substring(k.indexOf('|') + 1), t - b.getOrDefault(k, 0L), Long::sum));
                long live = delta.values().stream().mapToLong(Long::longValue).sum();
                delta.put("(threads gone since)", (totalAfter.get(v.name) - totalBefore.get(v.name)) * 10_000_000L - live);
                delta.replaceAll((k, t) -> t / 1_000_000);
                delta.values().removeIf(t -> t == 0);
                System.out.println("app threads, ms of CPU over the timed rounds and between them (" + v.name + "): " + delta);
            }
            for (Variant v : vs) {
                System.out.printf("%-8s N=%d status median %.1f (%.1f-%.1f)  logoff median %.1f (%.1f-%.1f)  app cpu/iter %.1f ms (%.2f ms/app) initiator cpu/iter %.1f ms%n",
                        v.name, n, med(status.get(v.name), .5), med(status.get(v.name), .25), med(status.get(v.name), .75),
                        med(logoff.get(v.name), .5), med(logoff.get(v.name), .25), med(logoff.get(v.name), .75),
                        appCpu.get(v.name) * 10.0 / rounds, appCpu.get(v.name) * 10.0 / rounds / n, selfCpu.getOrDefault(v.name, 0L) * 10.0 / rounds);
            }
            for (Variant v : vs) {
                List<Double> e = early.get(v.name);
                System.out.printf("%-8s logoff round 1 %.1f ms, rounds 2-%d median %.1f ms%s%n", v.name, e.get(0), e.size(),
                        med(e.subList(1, e.size()), .5), warmup == 0 ? " (round 1: the apps' first contact)" : "");
            }
            if (Boolean.getBoolean("full")) {
                for (Variant v : vs) {
                    Map<String, String> env = Map.of("ENDSESSION_BUS_DIR", bus.toString(), "ENDSESSION_SESSION", v.session);
                    long t = System.nanoTime();
                    int code = call(v, env, "logoff", "--on-block", "force", "--json");
                    System.out.printf("%-8s end of %d apps (query, end, terminate): %.1f ms, exit %d%n", v.name, n,
                            (System.nanoTime() - t) / 1e6, code);
                }
            }
            Map<String, Long> byName = new TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String st = Files.readString(t.resolve("stat"));
                        String name = st.substring(st.indexOf('(') + 1, st.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                        String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                        byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long::sum);
                    } catch (IOException gone) { }
                }
            }
            System.out.println("initiator threads (live, ms total): " + byName);
            System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            for (Variant v : vs) v.apps.forEach(Process::destroy);
            for (Variant v : vs) for (Process p : v.apps) p.waitFor();
            try (var files = Files.walk(bus)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static <T> List<T> reversed(List<T> l) { List<T> r = new ArrayList<>(l); Collections.reverse(r); return r; }

    static int call(Variant v, Map<String, String> env, String... args) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = (int) v.run.invoke(null, env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (Boolean.getBoolean("verbose")) System.out.println(out + " " + err);
        return code;
    }

    static long cpu(List<Process> apps) throws IOException {
        long sum = 0;
        for (Process p : apps) {
            String s = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
        return sum;
    }

    static Map<String, Long> threads(List<?> apps) {
        Map<String, Long> out = new HashMap<>();
        for (Object o : apps) {
            long pid = o instanceof Process p ? p.pid() : ((ProcessHandle) o).pid();
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String st = Files.readString(t.resolve("stat"));
                        String name = st.substring(st.indexOf('(') + 1, st.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                        String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                        out.put(pid + "/" + t.getFileName() + "|" + name, Long.parseLong(Files.readString(t.resolve("schedstat")).split(" ")[0]));
                    } catch (IOException gone) { }
                }
            } catch (IOException e) { }
        }
        return out;
    }

    static long self() throws IOException {
        String s = Files.readString(Path.of("/proc/self/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static double med(List<Double> l, double q) {
        if (l.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(l); Collections.sort(s);
        return s.get((int) Math.round(q * (s.size() - 1)));
    }
}
