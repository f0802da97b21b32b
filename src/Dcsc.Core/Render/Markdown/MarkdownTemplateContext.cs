using System.Collections;
using Dcsc.Layout;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Dcsc.Render.Md;

/// <summary>
/// Finished Markdown that a template prints as it is: the output of another template, the sanitized author
/// Markdown of an <see cref="AuthorView"/>, the <c>md.*</c> helpers (heading marker, link target, marker JSON).
/// Everything else a template prints is escaped (<see cref="MarkdownEscaper"/>).
/// </summary>
public sealed record RawMarkdown(string Markdown)
{
    /// <summary>Output of a template: its characters were counted against the output bound when they were written.</summary>
    internal bool Counted { get; init; }

    public override string ToString() => Markdown;
}

/// <summary>An author narrative block as templates see it (<c>author.sbn</c>).</summary>
/// <param name="Label">Plain text printed before the narrative (escaped when printed), or null.</param>
/// <param name="Markdown">The author Markdown made safe for its section (<see cref="AuthorMarkdown.Sanitize"/>).</param>
/// <param name="Source">The author Markdown as written (escaped when printed).</param>
public sealed record AuthorView(string? Label, RawMarkdown Markdown, string Source);

/// <summary>A template run stopped by one of the bounds of <see cref="TemplateLimits"/>.</summary>
public sealed class TemplateLimitException(SourceSpan span, string message) : ScriptRuntimeException(span, message);

/// <summary>
/// The bounds of one Markdown rendering. Template files come from a pull request like the statement does, so a
/// template must not be able to run or write without end (docs/limits.md): 31 partials that each include the next
/// twice would otherwise expand 2^30 times.
/// </summary>
public sealed record TemplateLimits
{
    /// <summary>Characters the templates may write, counted where they are written (an included template's output is not counted again).</summary>
    public long MaxOutputChars { get; init; } = 8L * 1024 * 1024;

    /// <summary>
    /// Steps per element of the laid-out document (sections, blocks, rows, cells, inlines). A loop iteration is one
    /// step, an include <see cref="IncludeSteps"/> (it costs that much more); the built-in templates take about
    /// one loop iteration and one include per element.
    /// </summary>
    public int StepsPerElement { get; init; } = 50;

    /// <summary>Steps of one include.</summary>
    public int IncludeSteps { get; init; } = 10;

    /// <summary>Steps any document may take, whatever its size.</summary>
    public long MinSteps { get; init; } = 200_000;

    /// <summary>
    /// Characters of one text value a template computes (<c>s + s</c> doubles a value per step): the size of the
    /// largest statement file (docs/limits.md), so no author text is refused by it.
    /// </summary>
    public int MaxValueChars { get; init; } = 2 * 1024 * 1024;

    /// <summary>Templates including templates (and function calls inside them), nested.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Wall-clock time of the whole rendering; the step bound stops runaway templates long before.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// The Scriban context of the Markdown templates: prints every value Markdown-escaped unless it is
/// <see cref="RawMarkdown"/>, treats empty text and empty lists as false, and enforces <see cref="TemplateLimits"/>.
/// </summary>
internal sealed class MarkdownTemplateContext : TemplateContext
{
    private readonly MarkdownTemplateSet _templates;
    private readonly TemplateLimits _limits;
    private readonly long _maxSteps;
    private long _steps;
    private long _written;
    private int _includeDepth;
    private readonly bool _directTables;
    private readonly ScriptObject _globals;

    public MarkdownTemplateContext(MarkdownTemplateSet templates, TemplateLimits limits, long documentElements, bool directTables, CancellationToken cancel)
    {
        _templates = templates;
        _directTables = directTables && templates.IsBuiltIn("table") && templates.IsBuiltIn("inlines");
        _limits = limits;
        _maxSteps = Math.Max(limits.MinSteps, documentElements * limits.StepsPerElement);
        StrictVariables = true;
        EnableRelaxedMemberAccess = false; // a misspelt member is an error too, not an empty value
        NewLine = "\n";
        AutoIndent = false;
        LoopLimit = 0; // the step bound counts every loop together
        RecursiveLimit = limits.MaxDepth;
        // Scriban's own bound on one text value (string + string, padding, join) and on what is written between two
        // Reset() calls (one section, see RenderTopLevel). At this bound MaxOutputChars is passed too, so Scriban's
        // silent truncation ("...") never reaches a document: the output bound stops the run first.
        LimitToString = (int)Math.Min(int.MaxValue, limits.MaxOutputChars);
        CancellationToken = cancel;
        RegexTimeOut = TimeSpan.FromSeconds(1);
        _globals = new ScriptObject();
        _globals.SetValue("include", new IncludeFunction(), readOnly: true);
        _globals.SetValue("block", new BlockFunction(), readOnly: true);
        _globals.SetValue("md", MarkdownHelpers.Create(), readOnly: true);
        PushGlobal(_globals);
    }

    /// <summary>Renders the cover or one section: a fresh Scriban scope (no variable set by an earlier section survives).</summary>
    public RawMarkdown RenderTopLevel(string name, object model, LaidOutSection? section)
    {
        Reset();
        PushGlobal(_globals);
        CurrentSection = section;
        return RenderTemplate(name, model, null);
    }

    /// <summary>The section whose template is running: author blocks are sanitized for its heading level.</summary>
    public LaidOutSection? CurrentSection { get; set; }

    /// <summary>Renders the named template with <paramref name="model"/> as its variable; the output is finished Markdown.</summary>
    public RawMarkdown RenderTemplate(string name, object? model, ScriptNode? caller)
    {
        var span = caller?.Span ?? CurrentSpan;
        if (!_templates.TryGet(name, out var template))
            throw new ScriptRuntimeException(span, $"there is no template `{name}` (built in: {string.Join(", ", MarkdownTemplateSet.BuiltInNames)})");
        Step(span, _limits.IncludeSteps);
        if (++_includeDepth > _limits.MaxDepth)
            throw new TemplateLimitException(span, $"templates include one another more than {_limits.MaxDepth} deep");
        EnterRecursive(caller);
        var scope = new ScriptObject(1);
        scope.SetValue(template.Variable, model, readOnly: true);
        PushGlobal(scope);
        PushOutput(new BoundedOutput(this));
        try
        {
            template.Template.Render(this);
            return new RawMarkdown(Output.ToString() ?? "") { Counted = true };
        }
        finally
        {
            PopOutput();
            PopGlobal();
            ExitRecursive(caller);
            _includeDepth--;
        }
    }

    /// <summary>The template name and variable value for a layout block (tables: <c>table.&lt;key&gt;</c> when there is one).</summary>
    public (string Name, object Model) BlockTemplate(LayoutBlock block) => block switch
    {
        ParagraphBlock p => ("paragraph", p),
        ListBlock l => ("list", l),
        TableBlock t => (_templates.Has("table." + t.Table.Key) ? "table." + t.Table.Key : "table", t.Table),
        NaBlock => ("na", (object?)CurrentSection ?? block),
        FigureBlock f => ("figure", f),
        // A run-in heading is a paragraph of strong text (docs/markdown-conventions.md), written through the author
        // template so that no extra template is needed; the title is template text, escaped here.
        RunInHeadingBlock r => ("author", new AuthorView(null, new RawMarkdown("**" + MarkdownEscaper.Escape(r.Title) + "**"), r.Title)),
        AuthorBlock a => ("author", new AuthorView(a.Label, new RawMarkdown(AuthorMarkdown.Sanitize(a.Markdown, CurrentSection?.Level ?? 1)), a.Markdown)),
        TocBlock toc => ("toc", toc),
        _ => throw new InvalidOperationException("unknown block " + block.GetType().Name),
    };

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null) return this;
        var text = textAsObject is RawMarkdown raw ? raw.Markdown : MarkdownEscaper.Escape(ObjectToString(textAsObject));
        if (Output is not BoundedOutput bounded) return Write(text);
        // Counted here rather than by Scriban: an included template's output was counted when it was written.
        if (textAsObject is not RawMarkdown { Counted: true }) CountOutput(text.Length);
        bounded.Append(text);
        return this;
    }

    public override string? ObjectToString(object? value, bool nested = false)
    {
        var text = base.ObjectToString(value, nested);
        if (text is not null && text.Length > _limits.MaxValueChars)
            throw new TemplateLimitException(CurrentSpan, $"a text value of the templates is longer than {_limits.MaxValueChars:N0} characters");
        return text;
    }

    /// <summary>Empty text and empty lists are false, as in most template languages (Scriban itself counts them true).</summary>
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        string s => s.Length > 0,
        RawMarkdown r => r.Markdown.Length > 0,
        ICollection c => c.Count > 0,
        _ => base.ToBool(span, value),
    };

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        Step(loop.Span, 1);
        return base.OnStepLoop(loop);
    }

    private void Step(SourceSpan span, int steps)
    {
        long before = _steps;
        _steps += steps;
        if (_steps > _maxSteps)
            throw new TemplateLimitException(span, $"the templates take more than {_maxSteps:N0} steps (loop iterations and includes) for this document; a template that includes itself or loops without end?");
        if ((before >> 10) != (_steps >> 10)) CheckAbort();
    }

    internal void CountOutput(long chars)
    {
        _written += chars;
        if (_written > _limits.MaxOutputChars)
            throw new TemplateLimitException(CurrentSpan, $"the templates write more than {_limits.MaxOutputChars:N0} characters");
    }

    /// <summary>Output that counts what templates write, except an included template's finished output, which was counted when written.</summary>
    private sealed class BoundedOutput(MarkdownTemplateContext owner) : IScriptOutput
    {
        private readonly System.Text.StringBuilder _builder = new();

        public void Append(string text) => _builder.Append(text);

        public void Write(string text, int offset, int count)
        {
            owner.CountOutput(count);
            _builder.Append(text, offset, count);
        }

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => _builder.ToString();
    }

    /// <summary><c>include 'name' value</c>: the output of another template, with <c>value</c> as its variable.</summary>
    private sealed class IncludeFunction : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            if (arguments.Count is < 1 or > 2 || arguments[0] is not string name)
                throw new ScriptRuntimeException(span, "include takes a template name and, optionally, the value for its variable: include 'inlines' cell");
            return ((MarkdownTemplateContext)context).RenderTemplate(name, arguments.Count > 1 ? arguments[1] : null, callerContext);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));

        public int RequiredParameterCount => 1;
        public int ParameterCount => 2;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(RawMarkdown);

        public ScriptParameterInfo GetParameterInfo(int index) =>
            index == 0 ? new ScriptParameterInfo(typeof(string), "template_name") : new ScriptParameterInfo(typeof(object), "value");
    }

    /// <summary><c>block b</c>: a block of <c>section.blocks</c> rendered by its template (paragraph, list, table, figure, author, toc, na).</summary>
    private sealed class BlockFunction : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            if (arguments.Count != 1 || arguments[0] is not LayoutBlock b)
                throw new ScriptRuntimeException(span, "block takes one block of section.blocks: block b");
            var ctx = (MarkdownTemplateContext)context;
            var (name, model) = ctx.BlockTemplate(b);
            if (name == "table" && ctx._directTables) return new RawMarkdown(TableMarkdown.Render((LaidOutTable)model));
            return ctx.RenderTemplate(name, model, callerContext);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));

        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(RawMarkdown);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "block");
    }
}
