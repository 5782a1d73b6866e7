package dev.endsession.bench;

import java.util.List;

/** A Markdown document built section by section; each benchmark appends its own. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    Report heading(String title) {
        text.append("\n## ").append(title).append("\n\n");
        return this;
    }

    Report paragraph(String line) {
        text.append(line).append("\n\n");
        return this;
    }

    Report table(List<String> header, List<List<String>> rows) {
        row(header);
        text.append("|").append("---|".repeat(header.size())).append("\n");
        for (List<String> row : rows) {
            row(row);
        }
        text.append("\n");
        return this;
    }

    Report code(String block) {
        text.append("```\n").append(block.strip()).append("\n```\n\n");
        return this;
    }

    private void row(List<String> cells) {
        text.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    static String ms(double value) {
        return String.format("%.1f", value);
    }

    static String signed(double value) {
        return String.format("%+.1f", value);
    }

    static String ratio(double value) {
        return String.format("%.2f×", value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
