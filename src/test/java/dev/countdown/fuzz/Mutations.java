package dev.countdown.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Changes a real checklist or manifest as editors, copy-paste and transfers change files. */
final class Mutations {

    private static final List<Charset> MISREADS = List.of(Charset.forName("windows-1252"), Charset.forName("x-MacRoman"),
            StandardCharsets.ISO_8859_1);

    private Mutations() {
    }

    /** One to four changes to {@code original}, drawn at random. */
    static byte[] mutate(Random random, byte[] original, List<String> fragments) {
        byte[] bytes = original;
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            bytes = switch (random.nextInt(12)) {
                case 0 -> lines(bytes, random, (lines, at) -> lines.add(at, Fragments.pick(random, fragments)));
                case 1 -> lines(bytes, random, (lines, at) -> lines.add(at, Fragments.longRun(random)));
                case 2 -> lines(bytes, random, (lines, at) -> {
                    for (int k = random.nextInt(random.nextInt(10) == 0 ? 20_000 : 20); k > 0; k--) {
                        lines.add(at, lines.get(Math.min(at, lines.size() - 1)));
                    }
                });
                case 3 -> lines(bytes, random, (lines, at) -> lines.subList(at, Math.min(lines.size(),
                        at + 1 + random.nextInt(5))).clear());
                case 4 -> lines(bytes, random, (lines, at) -> lines.set(Math.min(at, lines.size() - 1),
                        " ".repeat(random.nextInt(12)) + lines.get(Math.min(at, lines.size() - 1)).stripLeading()));
                case 5 -> lines(bytes, random, (lines, at) -> lines.add(at, Fragments.oddCharacters(random)));
                case 6 -> flipBytes(bytes, random);
                case 7 -> Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
                case 8 -> lineEnds(bytes, random);
                case 9 -> new String(bytes, Fragments.pick(random, MISREADS)).getBytes(StandardCharsets.UTF_8);
                case 10 -> lines(bytes, random, (lines, at) -> lines.set(Math.min(at, lines.size() - 1),
                        lines.get(Math.min(at, lines.size() - 1)) + Fragments.pick(random, fragments)));
                default -> insertByte(bytes, random, random.nextInt(20) == 0 ? 0 : 0x80 + random.nextInt(0x80));
            };
        }
        return bytes;
    }

    private interface LineEdit {
        void apply(List<String> lines, int at);
    }

    private static byte[] lines(byte[] bytes, Random random, LineEdit edit) {
        List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        edit.apply(lines, random.nextInt(lines.size()));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] flipBytes(byte[] bytes, Random random) {
        byte[] flipped = bytes.clone();
        for (int n = 1 + random.nextInt(8); n > 0 && flipped.length > 0; n--) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return flipped;
    }

    private static byte[] lineEnds(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String end = Fragments.pick(random, List.of("\r\n", "\r", "\n\n", "\u2028"));
        return text.replace("\n", end).getBytes(end.equals("\u2028") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private static byte[] insertByte(byte[] bytes, Random random, int value) {
        int at = random.nextInt(bytes.length + 1);
        byte[] inserted = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, inserted, 0, at);
        inserted[at] = (byte) value;
        System.arraycopy(bytes, at, inserted, at + 1, bytes.length - at);
        return inserted;
    }
}
