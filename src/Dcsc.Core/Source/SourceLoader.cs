using System.Text;
using Dcsc.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dcsc.Source;

/// <summary>A statement loaded into position-keeping nodes, with every file it read.</summary>
public sealed record LoadedSource(string Path, YamlNode Root, IReadOnlyList<string> Files)
{
    /// <summary>For a statement that `extends:` others: each base file and the `extends:` value that brought it in.</summary>
    public IReadOnlyDictionary<string, SourceSpan> Bases { get; init; } = new Dictionary<string, SourceSpan>();
}

/// <summary>
/// Source stage: reads YAML (and the files it includes with <c>!include path</c>) into <see cref="YamlNode"/>s
/// that keep file, line and column. No validation beyond YAML itself happens here.
/// Duplicate keys, alias bombs, deep nesting, oversized or non-text files and includes that escape the
/// project root are reported as diagnostics; the loader never throws on bad input.
/// </summary>
public sealed class SourceLoader
{
    public const string IncludeTag = "!include";

    private readonly LoaderLimits _limits;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<string> _files = new();
    private readonly Stack<string> _includeStack = new();
    private string _rootFolder = "";
    private long _expandedNodes;
    private long _expandedChars;
    private long _totalBytes;
    // Size and height of the root of the file parsed last (an included file, when its include completes).
    private long _lastRootSize;
    private int _lastRootHeight;

    public SourceLoader(DiagnosticBag diagnostics, LoaderLimits? limits = null)
    {
        _diagnostics = diagnostics;
        _limits = limits ?? LoaderLimits.Default;
    }

    /// <summary>Loads a statement file. Includes may not leave <paramref name="projectRoot"/> (default: the file's folder).</summary>
    public LoadedSource? Load(string path, string? projectRoot = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        _rootFolder = RealPath(System.IO.Path.GetFullPath(projectRoot ?? System.IO.Path.GetDirectoryName(full)!));
        var display = DisplayPath(full);
        var root = LoadFile(full, display, SourceSpan.None(display), 0);
        return root is null ? null : new LoadedSource(display, root, _files.ToList());
    }

    /// <summary>Loads YAML text that is not on disk (tests, editors); includes resolve against <paramref name="projectRoot"/>.</summary>
    public LoadedSource? LoadText(string displayPath, string text, string? projectRoot = null)
    {
        _rootFolder = RealPath(System.IO.Path.GetFullPath(projectRoot ?? Environment.CurrentDirectory));
        var root = Parse(text, displayPath, System.IO.Path.Combine(_rootFolder, "."), 0);
        if (root is null && !_diagnostics.HasErrors)
            _diagnostics.Add(DiagnosticCatalogue.EmptyStatement(new SourceSpan(displayPath, 1, 1, 1, 1), "the statement is empty: it needs at least a `product` section"));
        return root is null ? null : new LoadedSource(displayPath, root, new[] { displayPath });
    }

    public static string DisplayPath(string fullPath)
    {
        var rel = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return rel.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(rel) ? fullPath : rel;
    }

    private YamlNode? LoadFile(string fullPath, string display, SourceSpan includedAt, int baseDepth)
    {
        string? text = ReadText(fullPath, display, includedAt);
        if (text is null) return null;
        _files.Add(display);
        _includeStack.Push(RealPath(fullPath));
        try
        {
            var root = Parse(text, display, fullPath, baseDepth);
            if (root is null && !_diagnostics.HasErrors)
                _diagnostics.Add(DiagnosticCatalogue.EmptyStatement(new SourceSpan(display, 1, 1, 1, 1),
                    _includeStack.Count == 1 ? "the statement is empty: it needs at least a `product` section" : "the included file is empty"));
            return root;
        }
        finally { _includeStack.Pop(); }
    }

    /// <summary>A file that cannot be read: DCS0008 at the `!include` that names it, DCS0001 for the statement itself.</summary>
    private static Diagnostic Unreadable(SourceSpan includedAt, SourceSpan at, string message) =>
        includedAt.HasPosition ? DiagnosticCatalogue.IncludeCannotBeResolved(at, message) : DiagnosticCatalogue.FileCannotBeRead(at, message);

    private string? ReadText(string fullPath, string display, SourceSpan includedAt)
    {
        var at = includedAt.HasPosition ? includedAt : SourceSpan.None(display);
        var read = BoundedFile.Read(fullPath, _limits.MaxFileBytes, display);
        if (!read.Ok)
        {
            var diagnostic = read.Problem switch
            {
                FileReadProblem.TooLarge => DiagnosticCatalogue.FileTooLarge(at, read.Message),
                FileReadProblem.Missing or FileReadProblem.Folder => Unreadable(includedAt, at, read.Message),
                _ => DiagnosticCatalogue.FileCannotBeRead(at, read.Message),
            };
            _diagnostics.Add(diagnostic);
            return null;
        }
        var bytes = read.Bytes!;
        if (_totalBytes + bytes.Length > _limits.MaxTotalBytes)
        {
            _diagnostics.Add(DiagnosticCatalogue.FileTooLarge(at, $"the statement and its included files are more than {_limits.MaxTotalBytes:N0} bytes together (with `{display}`, {_totalBytes + bytes.Length:N0} bytes; see docs/limits.md)"));
            return null;
        }
        _totalBytes += bytes.Length;
        return Decode(bytes, display);
    }

    /// <summary>UTF-8 (with or without BOM) or UTF-16 with BOM; anything else, or NUL characters, is refused.</summary>
    private string? Decode(byte[] bytes, string display)
    {
        Encoding encoding = new UTF8Encoding(false, throwOnInvalidBytes: true);
        int skip = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) skip = 3;
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) { encoding = new UnicodeEncoding(false, false, true); skip = 2; }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) { encoding = new UnicodeEncoding(true, false, true); skip = 2; }
        string text;
        try { text = encoding.GetString(bytes, skip, bytes.Length - skip); }
        catch (DecoderFallbackException e)
        {
            int offset = skip + Math.Max(0, e.Index);
            var (line, col) = LineColumnOfByte(bytes, offset);
            _diagnostics.Add(DiagnosticCatalogue.NotValidText(new SourceSpan(display, line, col, line, col + 1),
                $"`{display}` is not valid UTF-8 text (byte 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2} at offset {offset}); save it as UTF-8"));
            return null;
        }
        int nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, col) = LineColumnOfChar(text, nul);
            _diagnostics.Add(DiagnosticCatalogue.NotValidText(new SourceSpan(display, line, col, line, col + 1), $"`{display}` contains a NUL character; it looks like a binary file"));
            return null;
        }
        return text;
    }

    private static (int, int) LineColumnOfByte(byte[] bytes, int offset)
    {
        int line = 1, col = 1;
        for (int i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') { line++; col = 1; }
            else if ((bytes[i] & 0xC0) != 0x80) col++;
        }
        return (line, col);
    }

    private static (int, int) LineColumnOfChar(string text, int index)
    {
        int line = 1, col = 1;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n') { line++; col = 1; } else col++;
        }
        return (line, col);
    }

    private sealed class Anchored
    {
        public required YamlNode Node;
        public long Size;
        public long Chars;
        public int Height;
    }

    /// <summary>
    /// Builds nodes from parser events with an explicit stack (no recursion on hostile depth).
    /// <paramref name="baseDepth"/> is the depth at which the file is included, so that the depth limit holds for
    /// the whole statement, not per file; aliases are checked with the height of the node they repeat.
    /// </summary>
    private YamlNode? Parse(string text, string display, string fullPath, int baseDepth)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        var anchors = new Dictionary<string, Anchored>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        YamlNode? root = null;
        long rootSize = 0;
        int rootHeight = 0;
        int documents = 0;
        _lastRootSize = 0;
        _lastRootHeight = 0;

        SourceSpan Span(Mark start, Mark end) => new(display, (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                last = ev.End;
                switch (ev)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            _diagnostics.Add(DiagnosticCatalogue.MoreThanOneDocument(Span(ev.Start, ev.End), "a statement file holds one YAML document; remove the second `---`"));
                            return null;
                        }
                        break;
                    case Scalar s:
                        {
                            var node = ScalarNode(s, Span(s.Start, s.End), text, display, fullPath, baseDepth + stack.Count, out long size, out long chars, out int height, out long cost);
                            if (node is null) return null;
                            if (!Complete(stack, node, size, chars, height, cost, s.Anchor, anchors, ref root, ref rootSize, ref rootHeight)) return null;
                            break;
                        }
                    case AnchorAlias alias:
                        {
                            if (!anchors.TryGetValue(alias.Value.Value, out var target))
                            {
                                _diagnostics.Add(DiagnosticCatalogue.YamlSyntaxError(Span(alias.Start, alias.End), $"alias `*{alias.Value.Value}` refers to no anchor"));
                                return null;
                            }
                            if (baseDepth + stack.Count + target.Height > _limits.MaxDepth)
                            {
                                _diagnostics.Add(DiagnosticCatalogue.NestingDepthLimit(Span(alias.Start, alias.End),
                                    $"alias `*{alias.Value.Value}` repeats a node {target.Height} levels deep here, which nests deeper than {_limits.MaxDepth} levels (see docs/limits.md)"));
                                return null;
                            }
                            _expandedChars += target.Chars;
                            if (!WithinExpansionLimits(_expandedNodes + target.Size, Span(alias.Start, alias.End))) return null;
                            if (!Complete(stack, target.Node, target.Size, target.Chars, target.Height, target.Size, AnchorName.Empty, anchors, ref root, ref rootSize, ref rootHeight)) return null;
                            break;
                        }
                    case MappingStart ms:
                        if (!CheckTag(ms.Tag, Span(ms.Start, ms.End))) return null;
                        if (baseDepth + stack.Count >= _limits.MaxDepth)
                        {
                            _diagnostics.Add(DiagnosticCatalogue.NestingDepthLimit(Span(ms.Start, ms.End), DepthMessage(baseDepth)));
                            return null;
                        }
                        stack.Push(new Frame(true, ms.Start, ms.Anchor));
                        break;
                    case SequenceStart ss:
                        if (!CheckTag(ss.Tag, Span(ss.Start, ss.End))) return null;
                        if (baseDepth + stack.Count >= _limits.MaxDepth)
                        {
                            _diagnostics.Add(DiagnosticCatalogue.NestingDepthLimit(Span(ss.Start, ss.End), DepthMessage(baseDepth)));
                            return null;
                        }
                        stack.Push(new Frame(false, ss.Start, ss.Anchor));
                        break;
                    case MappingEnd or SequenceEnd:
                        {
                            var frame = stack.Pop();
                            var span = Span(frame.Start, ev.End);
                            YamlNode node = frame.IsMapping
                                ? new YamlMapping(span, frame.Entries)
                                : new YamlSequence(span, frame.Items);
                            if (!Complete(stack, node, frame.Size + 1, frame.Chars, frame.Height + 1, 1, frame.Anchor, anchors, ref root, ref rootSize, ref rootHeight)) return null;
                            break;
                        }
                }
            }
        }
        catch (YamlException e)
        {
            var msg = e.InnerException is YamlException inner ? inner.Message : e.Message;
            var span = Span(e.Start, e.End);
            if (msg.Contains("tab character", StringComparison.Ordinal))
            {
                // YamlDotNet reports where the scalar before the tab starts; point at the tab itself.
                int tab = text.IndexOf('\t', (int)Math.Clamp(e.Start.Index, 0, text.Length));
                if (tab >= 0)
                {
                    var (line, col) = LineColumnOfChar(text, tab);
                    span = new SourceSpan(display, line, col, line, col + 1);
                    msg = "a tab character is used for indentation; indent with spaces";
                }
            }
            _diagnostics.Add(DiagnosticCatalogue.YamlSyntaxError(span, "YAML syntax error: " + CleanYamlMessage(msg)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these on some malformed input; the last good event tells where.
            _diagnostics.Add(DiagnosticCatalogue.YamlSyntaxError(new SourceSpan(display, Math.Max(1, (int)last.Line), Math.Max(1, (int)last.Column), Math.Max(1, (int)last.Line), Math.Max(1, (int)last.Column)),
                "YAML syntax error after this point: the YAML cannot be parsed here"));
            return null;
        }
        _lastRootSize = rootSize;
        _lastRootHeight = rootHeight;
        return root;
    }

    private string DepthMessage(int baseDepth) => baseDepth == 0
        ? $"nesting is deeper than {_limits.MaxDepth} levels (see docs/limits.md)"
        : $"nesting is deeper than {_limits.MaxDepth} levels, counting the {baseDepth} levels of the files that include this one (see docs/limits.md)";

    private static string CleanYamlMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the span already says where.
        int i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(i + 3)..] : message;
    }

    // The YAML 1.2 core schema tags; anything else (e.g. language-specific object tags) is refused.
    private static readonly HashSet<string> CoreTags = new(StringComparer.Ordinal)
    {
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
    };

    private bool CheckTag(TagName tag, SourceSpan span)
    {
        if (tag.IsEmpty || tag.IsNonSpecific || CoreTags.Contains(tag.Value)) return true;
        _diagnostics.Add(DiagnosticCatalogue.UnsupportedYamlTag(span, tag.Value == IncludeTag
            ? "`!include` takes a file path (a plain value), not a mapping or list"
            : $"YAML tag `{tag.Value}` is not supported; the only tag dcsc knows is `!include <path>`"));
        return false;
    }

    /// <param name="cost">Nodes to add to the expansion count: 1 for a scalar; 0 for an include (its nodes were counted as it was parsed).</param>
    private YamlNode? ScalarNode(Scalar s, SourceSpan span, string text, string display, string fullPath, int depth,
        out long size, out long chars, out int height, out long cost)
    {
        size = 1; chars = s.Value.Length; height = 0; cost = 1;
        if (!s.Tag.IsEmpty && s.Tag.Value == IncludeTag)
        {
            long charsBefore = _expandedChars;
            var node = Include(s.Value, span, fullPath, depth);
            size = _lastRootSize; height = _lastRootHeight; cost = 0;
            chars = _expandedChars - charsBefore;
            return node;
        }
        if (!CheckTag(s.Tag, span)) return null;
        _expandedChars += chars;
        var block = s.Style is ScalarStyle.Literal or ScalarStyle.Folded
            ? BlockScalarLayout.Build(display, text, s.Value, (int)s.Start.Index, (int)s.Start.Line, (int)s.End.Line)
            : null;
        return new YamlScalar(span, s.Value, s.Style == ScalarStyle.Plain) { Block = block };
    }

    private YamlNode? Include(string relative, SourceSpan at, string includingFile, int depth)
    {
        // _files holds the statement itself too: the 501st included file is the first refused.
        if (_files.Count > _limits.MaxIncludedFiles)
        {
            _diagnostics.Add(DiagnosticCatalogue.IncludeCannotBeResolved(at, $"more than {_limits.MaxIncludedFiles} files are included (see docs/limits.md)"));
            return null;
        }
        if (string.IsNullOrWhiteSpace(relative))
        {
            _diagnostics.Add(DiagnosticCatalogue.IncludeCannotBeResolved(at, "`!include` needs a file path"));
            return null;
        }
        if (System.IO.Path.IsPathRooted(relative))
        {
            _diagnostics.Add(DiagnosticCatalogue.IncludeEscapesProject(at, $"include `{relative}` is an absolute path; includes are relative to the including file and stay inside the project folder"));
            return null;
        }
        var baseDir = System.IO.Path.GetDirectoryName(includingFile)!;
        var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDir, relative));
        var real = RealPath(target);
        if (!IsInside(real, _rootFolder))
        {
            _diagnostics.Add(DiagnosticCatalogue.IncludeEscapesProject(at, $"include `{relative}` points outside the project folder `{DisplayPath(_rootFolder)}`"));
            return null;
        }
        if (_includeStack.Contains(real))
        {
            _diagnostics.Add(DiagnosticCatalogue.IncludeCycle(at, $"include `{relative}` is a cycle: the file is already being included ({string.Join(" -> ", _includeStack.Reverse().Select(DisplayPath))})"));
            return null;
        }
        return LoadFile(target, DisplayPath(target), at, depth);
    }

    internal static bool IsInside(string path, string folder)
    {
        var f = folder.EndsWith(System.IO.Path.DirectorySeparatorChar) ? folder : folder + System.IO.Path.DirectorySeparatorChar;
        return path.StartsWith(f, StringComparison.Ordinal);
    }

    /// <summary>Resolves symbolic links in every component so a link cannot smuggle a path out of the project.</summary>
    internal static string RealPath(string fullPath)
    {
        var parts = fullPath.Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = System.IO.Path.GetPathRoot(fullPath) ?? "/";
        for (int i = 0; i < parts.Length; i++)
        {
            current = System.IO.Path.Combine(current, parts[i]);
            for (int hops = 0; hops < 40; hops++)
            {
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (!info.Exists || info.LinkTarget is null) break;
                var link = info.LinkTarget;
                current = System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(link) ? link : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(current)!, link));
            }
        }
        return current;
    }

    private sealed class Frame
    {
        public Frame(bool isMapping, Mark start, AnchorName anchor) { IsMapping = isMapping; Start = start; Anchor = anchor; }
        public bool IsMapping { get; }
        public Mark Start { get; }
        public AnchorName Anchor { get; }
        public long Size;
        public long Chars;
        public int Height;
        public YamlScalar? PendingKey;
        public readonly List<KeyValuePair<YamlScalar, YamlNode>> Entries = new();
        public readonly List<YamlNode> Items = new();
        public readonly Dictionary<string, YamlScalar> Keys = new(StringComparer.Ordinal);
    }

    private bool WithinExpansionLimits(long nodes, SourceSpan at)
    {
        if (nodes > _limits.MaxExpandedNodes)
        {
            _diagnostics.Add(DiagnosticCatalogue.AliasExpansionLimit(at, $"the statement has more than {_limits.MaxExpandedNodes:N0} values (keys, values and list items), counting each use of an alias in full; see docs/limits.md"));
            return false;
        }
        if (_expandedChars > _limits.MaxExpandedChars)
        {
            _diagnostics.Add(DiagnosticCatalogue.AliasExpansionLimit(at, $"the statement's text is more than {_limits.MaxExpandedChars:N0} characters, counting each use of an alias in full; see docs/limits.md"));
            return false;
        }
        return true;
    }

    /// <summary>
    /// Adds a finished node to its parent. <paramref name="size"/>, <paramref name="chars"/> and <paramref name="height"/>
    /// describe the node's subtree as expanded (for anchors); <paramref name="cost"/> is how many nodes it adds to the
    /// expansion count now (each node is counted once where it is built, an alias with the full size it repeats).
    /// </summary>
    private bool Complete(Stack<Frame> stack, YamlNode node, long size, long chars, int height, long cost, AnchorName anchor,
        Dictionary<string, Anchored> anchors, ref YamlNode? root, ref long rootSize, ref int rootHeight)
    {
        _expandedNodes += cost;
        if (!WithinExpansionLimits(_expandedNodes, node.Span)) return false;
        if (!anchor.IsEmpty) anchors[anchor.Value] = new Anchored { Node = node, Size = size, Chars = chars, Height = height };
        if (stack.Count == 0)
        {
            root = node;
            rootSize = size;
            rootHeight = height;
            return true;
        }
        var frame = stack.Peek();
        frame.Size += size;
        frame.Chars += chars;
        frame.Height = Math.Max(frame.Height, height);
        if (!frame.IsMapping)
        {
            frame.Items.Add(node);
            return true;
        }
        if (frame.PendingKey is null)
        {
            if (node is not YamlScalar key)
            {
                _diagnostics.Add(DiagnosticCatalogue.YamlSyntaxError(node.Span, "a key must be a plain value, not a mapping or list"));
                return false;
            }
            if (frame.Keys.TryGetValue(key.Value, out var first))
            {
                _diagnostics.Add(DiagnosticCatalogue.DuplicateKey(key.Span, $"duplicate key `{key.Value}` (first at line {first.Span.Line}); each key may appear once in a mapping"));
                frame.PendingKey = new YamlScalar(key.Span, "\0duplicate", false);
                return true;
            }
            frame.Keys[key.Value] = key;
            frame.PendingKey = key;
            return true;
        }
        if (frame.PendingKey.Value != "\0duplicate")
            frame.Entries.Add(new(frame.PendingKey, node));
        frame.PendingKey = null;
        return true;
    }
}
