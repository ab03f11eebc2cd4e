package io.github.runnerguard.internal.toml;

import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.config.Comment;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.load.LoadLimits;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A single-pass TOML 1.1 parser over the source text: it checks the syntax and TOML's rules on keys and tables,
 * enforces the nesting and runner limits, builds the value tree (Jackson nodes, as {@link ScalarSyntax#value} says),
 * and records where every key, table and array element is and every comment.
 *
 * <p>It stops at the first problem and reports it in plain words with the char index where it is. Iterative (no
 * recursion), linear in the text length, and memory bounded by the number of keys. One instance scans one text; not
 * thread-safe.
 */
final class TomlScanner {

    /** The first problem the scanner found. */
    record ScanError(Diagnostic.Kind kind, String message, int index, @Nullable KeyNode other, String path) {
    }

    /**
     * What a scan produced: the value tree, the key tree (positions), the comments, and the first problem (null
     * when the text is valid; the rest is then partial).
     */
    record Result(ObjectNode tree, KeyNode root, List<Comment> comments, @Nullable ScanError error) {
    }

    /** The characters of bare keys, {@code A-Z a-z 0-9 _ -}, by char value. */
    private static final boolean[] BARE_KEY = new boolean[128];

    static {
        for (char c = 0; c < BARE_KEY.length; c++) {
            BARE_KEY[c] = TomlText.isBareKeyChar(c);
        }
    }

    /** The longest bare key kept in the table of keys seen before. */
    private static final int MAX_INTERNED_LENGTH = 40;

    static final String ESCAPES = "TOML allows \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH and \\UHHHHHHHH";

    /** Thrown to stop at the first problem; carries no stack trace. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ScanError error;

        Stop(ScanError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    /** An open inline array or inline table while scanning a value. */
    private static final class Frame {
        final KeyNode node;
        final boolean array;
        final int depth;
        final int open;

        Frame(KeyNode node, boolean array, int depth, int open) {
            this.node = node;
            this.array = array;
            this.depth = depth;
            this.open = open;
        }
    }

    private final SourceText src;
    private final String s;
    private final int n;
    private final int maxDepth;
    private final int maxRunners;
    private final ObjectNode tree = JsonNodeFactory.instance.objectNode();
    private final KeyNode root = new KeyNode(null, null, KeyNode.Kind.ROOT, new Position(1, 1), tree);
    private final List<Comment> comments = new ArrayList<>();
    private final ArrayList<Frame> stack = new ArrayList<>();
    /** The parts of the key read last; reused, valid until the next key is read. */
    private final ArrayList<String> parts = new ArrayList<>();
    private final String[] interned = new String[2048];
    private int internedCount;
    private int i;

    private TomlScanner(SourceText src, LoadLimits limits) {
        this.src = src;
        this.s = src.text();
        this.n = s.length();
        this.maxDepth = limits.maxDepth();
        this.maxRunners = limits.maxRunners();
    }

    /** Scans a whole text. Never throws for any text but on an exhausted stack or heap. */
    static Result scan(SourceText src, LoadLimits limits) {
        TomlScanner scanner = new TomlScanner(src, limits);
        ScanError error;
        try {
            scanner.document();
            error = null;
        } catch (Stop stop) {
            error = stop.error;
        } catch (RuntimeException e) {
            // A defect of the parser: a clear error at the place it reached, never a stack trace.
            error = new ScanError(Diagnostic.Kind.SYNTAX, "the TOML parser failed here (internal error "
                    + e.getClass().getSimpleName() + "); please report it", Math.min(scanner.i, scanner.n), null, "");
        }
        return new Result(scanner.tree, scanner.root, scanner.comments, error);
    }

    // ---- the trees -----------------------------------------------------------------------------------------------

    /** A new child of the table {@code parent}; a table or array of tables also gets its node in the value tree. */
    private KeyNode addChild(KeyNode parent, String name, KeyNode.Kind kind, Position at) {
        JsonNode container = null;
        if (kind == KeyNode.Kind.IMPLICIT || kind == KeyNode.Kind.TABLE || kind == KeyNode.Kind.DOTTED) {
            container = ((ObjectNode) container(parent)).putObject(name);
        } else if (kind == KeyNode.Kind.ARRAY_OF_TABLES) {
            container = ((ObjectNode) container(parent)).putArray(name);
        }
        KeyNode node = new KeyNode(parent, name, kind, at, container);
        parent.addChild(node);
        return node;
    }

    /** A new item of the array {@code parent}; a table (of an array of tables) also gets its node in the tree. */
    private KeyNode addItem(KeyNode parent, KeyNode.Kind kind, Position at) {
        JsonNode container = kind == KeyNode.Kind.TABLE ? ((ArrayNode) container(parent)).addObject() : null;
        KeyNode node = new KeyNode(parent, null, kind, at, container);
        parent.addItem(node);
        return node;
    }

    /** The value of {@code slot} (a key or an array item defined but not yet in the tree) goes into the tree. */
    private static void attach(KeyNode slot, JsonNode value) {
        KeyNode parent = slot.parent;
        if (parent == null) {
            throw new IllegalStateException("the root has no value");
        }
        String key = slot.key;
        if (key != null) {
            ((ObjectNode) container(parent)).set(key, value);
        } else {
            ((ArrayNode) container(parent)).add(value);
        }
    }

    private static JsonNode container(KeyNode node) {
        JsonNode container = node.container;
        if (container == null) {
            throw new IllegalStateException("not a table or array: " + node.kind);
        }
        return container;
    }

    /** The last item of an array, or null when there is none. */
    private static @Nullable KeyNode lastItem(KeyNode array) {
        return array.item(array.itemCount() - 1);
    }

    // ---- statements ----------------------------------------------------------------------------------------------

    private void document() {
        KeyNode table = root;
        int tableDepth = 0;
        while (true) {
            skipWs();
            if (i >= n) {
                return;
            }
            char c = s.charAt(i);
            if (c == '\n') {
                i++;
            } else if (c == '\r') {
                lineEnding();
            } else if (c == '#') {
                comment();
            } else if (c == '[') {
                int start = i;
                table = header();
                tableDepth = table.depth();
                endOfStatement(start, null);
            } else if (isKeyStart(c)) {
                String key = keyValue(table, tableDepth);
                endOfStatement(-1, key);
            } else {
                throw statementStart(c);
            }
        }
    }

    private Stop statementStart(char c) {
        if (c == '=') {
            return fail(i, "expected a key before `=`");
        }
        if (c == '.') {
            return fail(i, "expected a key before `.`");
        }
        if (c == '{') {
            return fail(i, "unexpected `{`: an inline table must be the value of a key (`name = {...}`)");
        }
        if (c == ']') {
            return fail(i, "unexpected `]`: there is no `[` to close");
        }
        if (TomlText.isForbiddenControl(c)) {
            return control(i, "here");
        }
        int cp = s.codePointAt(i);
        if (Character.isLetterOrDigit(cp)) {
            return fail(i, "invalid character " + TomlText.describeChar(cp) + " at the start of a key: bare keys may "
                    + "contain only A-Z a-z 0-9 _ and -; quote the key (\"...\") to use other characters");
        }
        return fail(i, "unexpected " + TomlText.describeChar(cp) + ": expected a key, a [table] header or a comment");
    }

    /**
     * After a statement: spaces, then a comment, a line ending or the end of the text. The statement is the header
     * starting at {@code headerStart}, or the key/value pair of {@code key}.
     */
    private void endOfStatement(int headerStart, @Nullable String key) {
        skipWs();
        if (i >= n) {
            return;
        }
        char c = s.charAt(i);
        if (c == '#') {
            comment();
        } else if (c != '\n' && c != '\r') {
            if (TomlText.isForbiddenControl(c)) {
                throw control(i, "here");
            }
            String context = key != null
                    ? "after the value of " + TomlText.quotedKey(key) + ": each key/value pair needs its own line"
                    : "after the table header " + headerTextUpTo(headerStart, i);
            throw fail(i, "unexpected " + TomlText.describeChar(s.codePointAt(i)) + " " + context);
        }
    }

    /** {@code [table]} or {@code [[array]]}: returns the table that the following keys go into. */
    private KeyNode header() {
        int start = i;
        i++;
        boolean arrayOfTables = i < n && s.charAt(i) == '[';
        if (arrayOfTables) {
            i++;
        }
        skipWs();
        List<String> headerParts = readKey(maxDepth,
                arrayOfTables ? "in the [[array]] header" : "in the [table] header");
        skipWs();
        if (arrayOfTables) {
            if (!(i + 1 < n && s.charAt(i) == ']' && s.charAt(i + 1) == ']')) {
                throw fail(i, "expected `]]` to close the header " + headerText(start) + found() + spaceHint());
            }
            i += 2;
        } else {
            if (!(i < n && s.charAt(i) == ']')) {
                throw fail(i, "expected `]` to close the header " + headerText(start) + found() + spaceHint());
            }
            i++;
        }
        int headerEnd = i;
        Position at = src.position(start);
        KeyNode node = root;
        int depth = 0;
        for (int p = 0; p < headerParts.size() - 1; p++) {
            String part = headerParts.get(p);
            KeyNode child = node.child(part);
            if (child == null) {
                child = addChild(node, part, KeyNode.Kind.IMPLICIT, at);
            } else {
                switch (child.kind) {
                    case IMPLICIT:
                    case TABLE:
                    case DOTTED:
                        break;
                    case ARRAY_OF_TABLES:
                        KeyNode last = lastItem(child);
                        if (last == null) {
                            throw fail(start, "`" + child.displayPath() + "` is an empty array of tables", child);
                        }
                        child = last;
                        depth++;
                        break;
                    case INLINE_TABLE:
                        throw fail(start, "the header " + headerTextUpTo(start, headerEnd) + " adds to `"
                                + child.displayPath() + "`, an inline table defined on line " + child.line()
                                + "; an inline table cannot be extended", child);
                    default:
                        throw fail(start, "the header " + headerTextUpTo(start, headerEnd) + " goes through `"
                                + child.displayPath() + "`, which is a value (line " + child.line() + "), not a table",
                                child);
                }
            }
            node = child;
            depth++;
            checkDepth(depth, start);
        }
        String name = headerParts.get(headerParts.size() - 1);
        KeyNode existing = node.child(name);
        if (!arrayOfTables) {
            checkDepth(depth + 1, start);
            if (existing == null) {
                return addChild(node, name, KeyNode.Kind.TABLE, at);
            }
            switch (existing.kind) {
                case IMPLICIT:
                    existing.kind = KeyNode.Kind.TABLE;
                    existing.position = at;
                    return existing;
                case TABLE:
                    throw fail(start, "table " + headerTextUpTo(start, headerEnd) + " is defined twice (first on line "
                            + existing.line() + ")", existing);
                case DOTTED:
                    throw fail(start, "table " + headerTextUpTo(start, headerEnd)
                            + " is already defined by the dotted keys on line " + existing.line(), existing);
                case ARRAY_OF_TABLES:
                    throw fail(start, headerTextUpTo(start, headerEnd) + " is an array of tables (defined with [[...]] "
                            + "on line " + existing.line() + "); it cannot also be a [table]", existing);
                default:
                    throw fail(start, "`" + existing.displayPath() + "` is already defined as a value on line "
                            + existing.line() + "; it cannot also be a [table]", existing);
            }
        }
        checkDepth(depth + 2, start);
        KeyNode array;
        if (existing == null) {
            array = addChild(node, name, KeyNode.Kind.ARRAY_OF_TABLES, at);
        } else if (existing.kind == KeyNode.Kind.ARRAY_OF_TABLES) {
            array = existing;
        } else if (existing.kind == KeyNode.Kind.ARRAY) {
            throw fail(start, "`" + existing.displayPath() + "` is an inline array (line " + existing.line()
                    + "); [[...]] cannot add elements to it", existing);
        } else if (existing.kind.isTable() && existing.kind != KeyNode.Kind.INLINE_TABLE) {
            throw fail(start, "`" + existing.displayPath() + "` is already a table (line " + existing.line()
                    + "); it cannot also be an array of tables", existing);
        } else {
            throw fail(start, "`" + existing.displayPath() + "` is already defined as a value on line "
                    + existing.line() + "; it cannot also be an array of tables", existing);
        }
        if (array.parent == root && "runners".equals(name) && array.itemCount() >= maxRunners) {
            throw new Stop(new ScanError(Diagnostic.Kind.LIMIT, "the file has more than "
                    + String.format(java.util.Locale.ROOT, "%,d", maxRunners)
                    + " [[runners]] entries (the limit maxRunners)", start, null, "runners"));
        }
        return addItem(array, KeyNode.Kind.TABLE, at);
    }

    /** The header from {@code start} up to the current index, as written, for messages. */
    private String headerText(int start) {
        return headerTextUpTo(start, i);
    }

    private String headerTextUpTo(int start, int end) {
        return TomlText.shorten(s.substring(start, Math.max(start, Math.min(end, n))).trim());
    }

    /** A key/value pair in {@code table}; returns the last key part (for messages). */
    private String keyValue(KeyNode table, int tableDepth) {
        int keyStart = i;
        List<String> keyParts = readKey(maxDepth - tableDepth, "");
        String last = keyParts.get(keyParts.size() - 1);
        int count = keyParts.size();
        expectEquals(last);
        skipWs();
        KeyNode leaf = defineKey(table, keyParts, keyStart);
        value(leaf, tableDepth + count, last);
        return last;
    }

    private void expectEquals(String key) {
        skipWs();
        if (i < n && s.charAt(i) == '=') {
            i++;
            return;
        }
        if (i < n && TomlText.isForbiddenControl(s.charAt(i)) && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            throw control(i, "here");
        }
        throw fail(i, "expected `=` after the key " + TomlText.quotedKey(key) + found() + spaceHint());
    }

    /** Creates the nodes of a dotted key in {@code table} and returns the (new) leaf for its value. */
    private KeyNode defineKey(KeyNode table, List<String> keyParts, int keyStart) {
        Position at = src.position(keyStart);
        KeyNode node = table;
        for (int p = 0; p < keyParts.size() - 1; p++) {
            String part = keyParts.get(p);
            KeyNode child = node.child(part);
            if (child == null) {
                child = addChild(node, part, KeyNode.Kind.DOTTED, at);
            } else {
                switch (child.kind) {
                    case DOTTED:
                    case IMPLICIT:
                        break;
                    case TABLE:
                        throw fail(keyStart, "`" + child.displayPath() + "` is a table defined by its header on line "
                                + child.line() + "; dotted keys cannot add to it", child);
                    case ARRAY_OF_TABLES:
                        throw fail(keyStart, "`" + child.displayPath() + "` is an array of tables (line "
                                + child.line() + "); dotted keys cannot add to it", child);
                    case INLINE_TABLE:
                        throw fail(keyStart, "`" + child.displayPath() + "` is an inline table (line " + child.line()
                                + "); an inline table cannot be extended", child);
                    default:
                        throw fail(keyStart, "`" + child.displayPath() + "` is already a value (line "
                                + child.line() + "), not a table", child);
                }
            }
            node = child;
        }
        String name = keyParts.get(keyParts.size() - 1);
        KeyNode existing = node.child(name);
        if (existing != null) {
            if (existing.kind == KeyNode.Kind.VALUE || existing.kind == KeyNode.Kind.ARRAY
                    || existing.kind == KeyNode.Kind.INLINE_TABLE) {
                throw fail(keyStart, "duplicate key `" + existing.displayPath() + "` (first defined on line "
                        + existing.line() + ")", existing);
            }
            throw fail(keyStart, "`" + existing.displayPath() + "` is already a table (line " + existing.line()
                    + "); it cannot also be given a value", existing);
        }
        return addChild(node, name, KeyNode.Kind.VALUE, at);
    }

    // ---- values --------------------------------------------------------------------------------------------------

    /**
     * The value of {@code slot} (at {@code depth} segments from the root), from the current index; {@code key} is
     * the last key part, for messages. Arrays and inline tables are scanned with an explicit stack.
     */
    private void value(KeyNode slot, int depth, String key) {
        stack.clear();
        KeyNode current = slot;
        int currentDepth = depth;
        String currentKey = key;
        boolean needValue = true;
        boolean afterEquals = true;
        while (true) {
            if (needValue) {
                if (afterEquals) {
                    skipWs();
                } else {
                    skipBlank();
                }
                if (i >= n) {
                    throw stack.isEmpty() || afterEquals
                            ? fail(i, "missing value for the key " + TomlText.quotedKey(currentKey))
                            : unclosed(stack.get(stack.size() - 1));
                }
                char c = s.charAt(i);
                if (c == '[') {
                    if (currentDepth + 1 > maxDepth) {
                        throw depthLimit(i);
                    }
                    ArrayNode array = JsonNodeFactory.instance.arrayNode();
                    attach(current, array);
                    current.container = array;
                    current.kind = KeyNode.Kind.ARRAY;
                    Frame frame = new Frame(current, true, currentDepth, i);
                    stack.add(frame);
                    i++;
                    skipBlank();
                    if (i < n && s.charAt(i) == ']') {
                        i++;
                        stack.remove(stack.size() - 1);
                        needValue = false;
                        continue;
                    }
                    current = addItem(frame.node, KeyNode.Kind.VALUE, src.position(i));
                    currentDepth = frame.depth + 1;
                    afterEquals = false;
                } else if (c == '{') {
                    ObjectNode table = JsonNodeFactory.instance.objectNode();
                    attach(current, table);
                    current.container = table;
                    current.kind = KeyNode.Kind.INLINE_TABLE;
                    Frame frame = new Frame(current, false, currentDepth, i);
                    stack.add(frame);
                    i++;
                    skipBlank();
                    if (i < n && s.charAt(i) == '}') {
                        i++;
                        stack.remove(stack.size() - 1);
                        needValue = false;
                        continue;
                    }
                    int keyStart = i;
                    List<String> keyParts = readKey(maxDepth - frame.depth, "in the inline table");
                    currentKey = keyParts.get(keyParts.size() - 1);
                    currentDepth = frame.depth + keyParts.size();
                    expectEquals(currentKey);
                    current = defineKey(frame.node, keyParts, keyStart);
                    afterEquals = true;
                } else if (c == '"') {
                    attach(current, StringNode.valueOf(basicString()));
                    needValue = false;
                } else if (c == '\'') {
                    attach(current, StringNode.valueOf(literalString()));
                    needValue = false;
                } else {
                    attach(current, bareValue(currentKey,
                            !stack.isEmpty() && stack.get(stack.size() - 1).array && !afterEquals));
                    needValue = false;
                }
            } else {
                if (stack.isEmpty()) {
                    return;
                }
                Frame frame = stack.get(stack.size() - 1);
                skipBlank();
                if (i >= n) {
                    throw unclosed(frame);
                }
                char c = s.charAt(i);
                char close = frame.array ? ']' : '}';
                if (c == close) {
                    i++;
                    stack.remove(stack.size() - 1);
                } else if (c == ',') {
                    i++;
                    skipBlank();
                    if (i < n && s.charAt(i) == close) {
                        i++;
                        stack.remove(stack.size() - 1);
                        continue;
                    }
                    if (frame.array) {
                        if (i < n && s.charAt(i) == ',') {
                            throw fail(i, "expected a value, found a second `,`");
                        }
                        current = addItem(frame.node, KeyNode.Kind.VALUE, src.position(i));
                        currentDepth = frame.depth + 1;
                        afterEquals = false;
                    } else {
                        if (i >= n) {
                            throw unclosed(frame);
                        }
                        int keyStart = i;
                        if (s.charAt(i) == ',') {
                            throw fail(i, "expected a key, found a second `,`");
                        }
                        List<String> keyParts = readKey(maxDepth - frame.depth, "in the inline table");
                        currentKey = keyParts.get(keyParts.size() - 1);
                        currentDepth = frame.depth + keyParts.size();
                        expectEquals(currentKey);
                        current = defineKey(frame.node, keyParts, keyStart);
                        afterEquals = true;
                    }
                    needValue = true;
                } else if (frame.array) {
                    throw unexpectedIn(i, "expected `,` or `]` after an array element");
                } else {
                    throw unexpectedIn(i, "expected `,` or `}` after a value in the inline table");
                }
            }
        }
    }

    private Stop unclosed(Frame frame) {
        Position open = src.position(frame.open);
        return frame.array
                ? fail(i, "the array opened on line " + open.line() + ", column " + open.column()
                        + " is not closed: `]` is missing")
                : fail(i, "the inline table opened on line " + open.line() + ", column " + open.column()
                        + " is not closed: `}` is missing");
    }

    private Stop unexpectedIn(int at, String expected) {
        char c = s.charAt(at);
        if (TomlText.isForbiddenControl(c)) {
            return control(at, "here");
        }
        return fail(at, expected + ", found " + TomlText.describeChar(s.codePointAt(at)));
    }

    /** A boolean, number or date-time: its node. */
    private JsonNode bareValue(String key, boolean inArray) {
        int start = i;
        while (i < n && isValueChar(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            if (i >= n || s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == '#') {
                throw fail(i, "missing value for the key " + TomlText.quotedKey(key));
            }
            char c = s.charAt(i);
            if (TomlText.isForbiddenControl(c)) {
                throw control(i, "here");
            }
            if (c == ',' && inArray) {
                throw fail(i, "expected a value, found `,`");
            }
            if (c == '=') {
                throw fail(i, "unexpected `=`: the key " + TomlText.quotedKey(key) + " already has its `=`");
            }
            throw fail(i, "expected a value for the key " + TomlText.quotedKey(key) + ", found "
                    + TomlText.describeChar(s.codePointAt(i)));
        }
        JsonNode common = commonValue(start, i);
        if (common != null) {
            return common;
        }
        String token = s.substring(start, i);
        if (ScalarSyntax.isFullDate(token) && i + 3 < n && s.charAt(i) == ' ' && isDigit(s.charAt(i + 1))
                && isDigit(s.charAt(i + 2)) && s.charAt(i + 3) == ':') {
            i++;
            while (i < n && isValueChar(s.charAt(i))) {
                i++;
            }
            token = s.substring(start, i);
        }
        ScalarSyntax.Problem problem = ScalarSyntax.check(token);
        if (problem != null) {
            boolean secret = TomlText.isSecretKey(key);
            String reason = problem.reason();
            if (!secret && reason.equals(ScalarSyntax.UNQUOTED_TEXT)) {
                reason += ", as in \"" + TomlText.shorten(token) + "\"";
            }
            throw fail(start, secret
                    ? "invalid " + problem.what() + " for the key " + TomlText.quotedKey(key) + ": " + reason
                    : "invalid " + problem.what() + " `" + TomlText.shorten(token) + "`: " + reason);
        }
        return ScalarSyntax.value(token);
    }

    /**
     * The node of {@code true}, {@code false} or a short plain integer (up to 18 digits, no sign, no leading zero),
     * read without copying the text; null for any other token.
     */
    private @Nullable JsonNode commonValue(int start, int end) {
        int length = end - start;
        if (length == 4 && s.startsWith("true", start)) {
            return BooleanNode.TRUE;
        }
        if (length == 5 && s.startsWith("false", start)) {
            return BooleanNode.FALSE;
        }
        if (length > 18 || s.charAt(start) == '0' && length > 1) {
            return null;
        }
        long value = 0;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return ScalarSyntax.integer(value);
    }

    private static boolean isValueChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '+' || c == '-' || c == ':';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---- keys ----------------------------------------------------------------------------------------------------

    private static boolean isKeyStart(char c) {
        return TomlText.isBareKeyChar(c) || c == '"' || c == '\'';
    }

    /** A dotted key of at most {@code maxParts} parts; the depth limit applies beyond that. */
    private List<String> readKey(int maxParts, String where) {
        parts.clear();
        int start = i;
        while (true) {
            parts.add(readKeyPart(where, parts.isEmpty() ? null : parts.get(parts.size() - 1)));
            if (parts.size() > maxParts) {
                throw depthLimit(start);
            }
            skipWs();
            if (i < n && s.charAt(i) == '.') {
                i++;
                skipWs();
            } else {
                return parts;
            }
        }
    }

    /** Where a key is expected, for a message: empty, or a space and the place. */
    private static String place(String where) {
        return where.isEmpty() ? "" : " " + where;
    }

    private String readKeyPart(String where, @Nullable String previous) {
        if (i >= n || s.charAt(i) == '\n' || s.charAt(i) == '\r') {
            throw fail(i, previous == null ? "expected a key" + place(where)
                    : "expected a key after `" + TomlText.displayKey(previous) + ".`");
        }
        char c = s.charAt(i);
        if (c == '"') {
            if (s.startsWith("\"\"\"", i)) {
                throw fail(i, "a key cannot be a multi-line string");
            }
            return basicString();
        }
        if (c == '\'') {
            if (s.startsWith("'''", i)) {
                throw fail(i, "a key cannot be a multi-line string");
            }
            return literalString();
        }
        int start = i;
        int hash = 0;
        while (i < n) {
            char k = s.charAt(i);
            if (k >= BARE_KEY.length || !BARE_KEY[k]) {
                break;
            }
            hash = 31 * hash + k;
            i++;
        }
        if (i == start) {
            if (TomlText.isForbiddenControl(c)) {
                throw control(i, "here");
            }
            if (previous != null) {
                throw fail(i, "expected a key after `" + TomlText.displayKey(previous) + ".`" + found());
            }
            throw fail(i, "expected a key" + place(where) + found());
        }
        if (i < n) {
            char next = s.charAt(i);
            if (!(next == ' ' || next == '\t' || next == '.' || next == '=' || next == ']' || next == '\n'
                    || next == '\r' || next == '#' || next == ',' || next == '}' || next == '[' || next == '{'
                    || next == '"' || next == '\'' || TomlText.isForbiddenControl(next))) {
                if (next == ':') {
                    throw fail(i, "unexpected `:` after the key `" + TomlText.shorten(s.substring(start, i))
                            + "`: TOML writes `key = value`, not `key: value`");
                }
                throw fail(i, "invalid character " + TomlText.describeChar(s.codePointAt(i)) + " in the key `"
                        + TomlText.shorten(s.substring(start, i)) + "`: bare keys may contain only A-Z a-z 0-9 _ "
                        + "and -; quote the key (\"...\") to use other characters");
            }
        }
        return bareKey(start, i, hash);
    }

    /**
     * The bare key {@code s[start, end)}: the same String instance for a key seen before (configs repeat the same
     * keys in every runner), so that it is neither copied nor hashed again; {@code hash} is its
     * {@link String#hashCode()}, computed while it was read. The table is bounded; once full, keys are copied as
     * usual.
     */
    private String bareKey(int start, int end, int hash) {
        int length = end - start;
        if (length > MAX_INTERNED_LENGTH) {
            return s.substring(start, end);
        }
        int slot = (hash ^ hash >>> 16) & (interned.length - 1);
        for (int probe = 0; probe < 8; probe++) {
            String known = interned[slot];
            if (known == null) {
                String key = s.substring(start, end);
                if (internedCount < interned.length / 2) {
                    interned[slot] = key;
                    internedCount++;
                }
                return key;
            }
            if (known.hashCode() == hash && known.length() == length && s.regionMatches(start, known, 0, length)) {
                return known;
            }
            slot = (slot + 1) & (interned.length - 1);
        }
        return s.substring(start, end);
    }

    // ---- strings -------------------------------------------------------------------------------------------------

    /** A basic string at the current {@code "}, single- or multi-line: its value. */
    private String basicString() {
        if (s.startsWith("\"\"\"", i)) {
            return multiLineString('"');
        }
        int start = i;
        i++;
        int from = i;
        StringBuilder out = null;
        while (true) {
            if (i >= n) {
                throw fail(start, "unterminated string: the closing `\"` is missing");
            }
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
                i++;
                continue;
            }
            if (c == '"') {
                String value = out == null ? s.substring(from, i) : out.append(s, from, i).toString();
                i++;
                return value;
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder(i - from + 16);
                }
                out.append(s, from, i);
                escape(out, false, start);
                from = i;
                continue;
            }
            if (c == '\n' || c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                throw fail(start, "unterminated string: a \"...\" string must end on its line "
                        + "(use \"\"\"...\"\"\" for text over several lines)");
            }
            if (TomlText.isForbiddenControl(c)) {
                throw control(i, "in a string; write it as an escape such as \\u"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) c));
            }
            i++;
        }
    }

    /** A literal string at the current {@code '}, single- or multi-line: its value. */
    private String literalString() {
        if (s.startsWith("'''", i)) {
            return multiLineString('\'');
        }
        int start = i;
        i++;
        int from = i;
        while (true) {
            if (i >= n) {
                throw fail(start, "unterminated string: the closing `'` is missing");
            }
            char c = s.charAt(i);
            if (c >= 0x20 && c != '\'' && c != 0x7f) {
                i++;
                continue;
            }
            if (c == '\'') {
                String value = s.substring(from, i);
                i++;
                return value;
            }
            if (c == '\n' || c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                throw fail(start, "unterminated string: a '...' string must end on its line "
                        + "(use '''...''' for text over several lines)");
            }
            if (TomlText.isForbiddenControl(c)) {
                throw control(i, "in a literal string; use a basic string \"...\" with an escape such as \\u"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) c));
            }
            i++;
        }
    }

    /**
     * A multi-line basic ({@code """}) or literal ({@code '''}) string: its value. A line ending right after the
     * opening delimiter is not part of it; every other line ending is kept as written (LF or CR LF).
     */
    private String multiLineString(char quote) {
        int start = i;
        i += 3;
        String delimiter = quote == '"' ? "\"\"\"" : "'''";
        if (i < n && s.charAt(i) == '\n') {
            i++;
        } else if (i + 1 < n && s.charAt(i) == '\r' && s.charAt(i + 1) == '\n') {
            i += 2;
        }
        int from = i;
        StringBuilder out = null;
        while (true) {
            if (i >= n) {
                throw fail(start, "unterminated multi-line string: the closing " + delimiter + " is missing");
            }
            char c = s.charAt(i);
            if (c == quote) {
                int run = 0;
                while (i + run < n && s.charAt(i + run) == quote) {
                    run++;
                }
                if (run >= 3) {
                    if (run > 5) {
                        throw fail(i + 5, "too many quotes: at most two " + quote + " may stand right before the "
                                + "closing " + delimiter + " (escape the others)");
                    }
                    int end = i + run - 3;
                    String value = out == null ? s.substring(from, end) : out.append(s, from, end).toString();
                    i += run;
                    return value;
                }
                i += run;
                continue;
            }
            if (c == '\\' && quote == '"') {
                if (out == null) {
                    out = new StringBuilder(i - from + 16);
                }
                out.append(s, from, i);
                escape(out, true, start);
                from = i;
                continue;
            }
            if (c == '\n') {
                i++;
                continue;
            }
            if (c == '\r') {
                lineEnding();
                continue;
            }
            if (TomlText.isForbiddenControl(c)) {
                throw control(i, "in a string; write it as an escape such as \\u"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) c));
            }
            i++;
        }
    }

    /** An escape sequence at the current backslash; appends what it stands for to {@code out}. */
    private void escape(StringBuilder out, boolean multiLine, int stringStart) {
        int at = i;
        i++;
        if (i >= n) {
            throw fail(stringStart, "unterminated string: the closing `\"` is missing");
        }
        char e = s.charAt(i);
        char plain;
        switch (e) {
            case 'b': plain = '\b'; break;
            case 't': plain = '\t'; break;
            case 'n': plain = '\n'; break;
            case 'f': plain = '\f'; break;
            case 'r': plain = '\r'; break;
            case 'e': plain = '\u001B'; break;
            case '"': plain = '"'; break;
            case '\\': plain = '\\'; break;
            case 'x':
                i++;
                appendCodePoint(out, hex(at, 2), at);
                return;
            case 'u':
                i++;
                appendCodePoint(out, hex(at, 4), at);
                return;
            case 'U':
                i++;
                appendCodePoint(out, hex(at, 8), at);
                return;
            default:
                if (multiLine && (e == ' ' || e == '\t' || e == '\n' || e == '\r')) {
                    lineEndingBackslash(at);
                    return;
                }
                if (e == '\n' || e == '\r') {
                    throw fail(at, "invalid escape: a backslash at the end of a line is only allowed in a \"\"\" "
                            + "string");
                }
                if (TomlText.isForbiddenControl(e)) {
                    throw control(i, "in a string");
                }
                throw fail(at, "invalid escape `\\" + new String(Character.toChars(s.codePointAt(i))) + "`; "
                        + ESCAPES + " (for a backslash write \\\\ or use a literal string '...')");
        }
        out.append(plain);
        i++;
    }

    /** A backslash that ends a line in a {@code """} string: only spaces may follow it on its line. */
    private void lineEndingBackslash(int at) {
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i < n && s.charAt(i) == '\n' || i + 1 < n && s.charAt(i) == '\r' && s.charAt(i + 1) == '\n') {
            while (i < n) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n') {
                    i++;
                } else if (c == '\r') {
                    lineEnding();
                } else {
                    break;
                }
            }
            return;
        }
        if (i < n && s.charAt(i) == '\r') {
            lineEnding();
        }
        throw fail(at, "invalid escape `\\ `: a backslash followed by spaces must end its line");
    }

    private int hex(int at, int digits) {
        int value = 0;
        for (int d = 0; d < digits; d++) {
            int digit = i < n ? Character.digit(s.charAt(i), 16) : -1;
            if (digit < 0 || s.charAt(i) > 0x7f) {
                char kind = s.charAt(at + 1);
                throw fail(at, "the escape `\\" + kind + "` needs exactly " + digits + " hexadecimal digits");
            }
            value = value * 16 + digit;
            if (value < 0) {
                value = Integer.MAX_VALUE;
            }
            i++;
        }
        return value;
    }

    private void appendCodePoint(StringBuilder out, int cp, int at) {
        if (cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
            throw fail(at, "the escape `" + TomlText.shorten(s.substring(at, i)) + "` is not a Unicode scalar value "
                    + "(U+D800 to U+DFFF and above U+10FFFF are not allowed)");
        }
        out.appendCodePoint(cp);
    }

    // ---- whitespace, comments, line endings ----------------------------------------------------------------------

    private void skipWs() {
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') {
                return;
            }
            i++;
        }
    }

    /** Spaces, line endings and comments, as allowed between the elements of arrays and inline tables. */
    private void skipBlank() {
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                i++;
            } else if (c == '\r') {
                lineEnding();
            } else if (c == '#') {
                comment();
            } else {
                return;
            }
        }
    }

    /** A CR at the current index: fine before LF, an error alone. */
    private void lineEnding() {
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
            i += 2;
            return;
        }
        throw fail(i, "a carriage return (CR) must be followed by a line feed: "
                + "TOML lines end with LF or CR LF, not CR alone");
    }

    /** A comment at the current {@code #}, up to (not including) its line ending. */
    private void comment() {
        int start = i;
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != 0x7f || c == '\t') {
                i++;
                continue;
            }
            if (c == '\n' || c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                break;
            }
            if (c == '\r') {
                lineEnding();
            }
            throw control(i, "in a comment");
        }
        int back = start - 1;
        while (back >= 0 && (s.charAt(back) == ' ' || s.charAt(back) == '\t')) {
            back--;
        }
        boolean trailing = back >= 0 && s.charAt(back) != '\n';
        comments.add(new Comment(src.position(start), s.substring(start + 1, i), trailing));
    }

    // ---- problems ------------------------------------------------------------------------------------------------

    private String found() {
        if (i >= n) {
            return ", found the end of the file";
        }
        char c = s.charAt(i);
        if (c == '\n' || c == '\r') {
            return ", found the end of the line";
        }
        return ", found " + TomlText.describeChar(s.codePointAt(i));
    }

    /** A hint when a key seems to go on after a space: such a key needs quotes. */
    private String spaceHint() {
        if (i > 0 && i < n && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t') && isKeyStart(s.charAt(i))) {
            return " (a key that contains spaces must be quoted)";
        }
        return "";
    }

    private void checkDepth(int depth, int at) {
        if (depth > maxDepth) {
            throw depthLimit(at);
        }
    }

    private Stop depthLimit(int at) {
        return new Stop(new ScanError(Diagnostic.Kind.LIMIT, "tables and arrays are nested more than " + maxDepth
                + " levels deep (the limit maxDepth)", at, null, ""));
    }

    private Stop control(int at, String where) {
        char c = s.charAt(at);
        String hint = "";
        if (c == 0) {
            int nuls = 0;
            for (int k = 0; k < Math.min(n, 64); k++) {
                if (s.charAt(k) == 0) {
                    nuls++;
                }
            }
            if (nuls >= 4) {
                hint = " (the file looks like UTF-16; it must be UTF-8)";
            }
        }
        return fail(at, "control character " + TomlText.describeChar(c) + " is not allowed " + where + hint);
    }

    private Stop fail(int at, String message) {
        return new Stop(new ScanError(Diagnostic.Kind.SYNTAX, message, at, null, ""));
    }

    private Stop fail(int at, String message, KeyNode other) {
        return new Stop(new ScanError(Diagnostic.Kind.SYNTAX, message, at, other, other.displayPath()));
    }
}
