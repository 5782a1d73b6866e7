package dev.endsession.bench.apps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The round benchmark's second subject, an app that behaves like a real one (the notes example,
 * headless): before it prints {@code ready <pid>} it has loaded a document asynchronously
 * ({@code CompletableFuture}), indexed it with streams and lambdas, and wired change listeners, as an
 * editor has long before its user logs off. Then it waits, like {@link IdleApp}.
 */
public final class NotesLikeApp {

    private NotesLikeApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> lines = CompletableFuture.supplyAsync(NotesLikeApp::load).thenApply(List::copyOf).join();
        Map<Integer, Long> wordsPerLength = lines.stream().flatMap(line -> List.of(line.split(" ")).stream())
                .collect(Collectors.groupingBy(String::length, Collectors.counting()));
        List<Runnable> onChange = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        onChange.add(() -> title.setLength(0));
        onChange.add(() -> title.append('*').append("notes.txt"));
        onChange.forEach(Runnable::run);
        String longest = lines.stream().max(Comparator.comparingInt(String::length)).map(Function.identity()).orElse("");
        System.out.println("ready " + ProcessHandle.current().pid() + " " + title + " " + wordsPerLength.size() + " "
                + longest.length());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static List<String> load() {
        return IntStream.range(0, 200).mapToObj(i -> "line " + i + " of a note with some words in it").toList();
    }
}
