using System.CommandLine;
using Dcsc.Diagnostics;
using Dcsc.Output;
using Dcsc.Pipeline;
using Dcsc.Schema;
using Dcsc.Tool;

namespace Dcsc.Cli;

/// <summary>
/// <c>dcsc init [dir]</c>: scaffolds a statement project that lints clean and builds at once — a statement
/// with the editor-completion modeline, the schema it points at, a dcsc.yaml and a GitHub workflow.
/// It never overwrites: when any target exists, nothing is written.
/// </summary>
public static class InitCommand
{
    public const string SchemaPath = ".dcsc/dcsc.schema.json";

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("dir") { Description = "Folder of the new project (created if needed; default: the current folder).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var cmd = new Command("init",
            "Create a statement project: statement.yaml (with a yaml-language-server $schema modeline), " + SchemaPath + ",\n" +
            "dcsc.yaml and .github/workflows/dcsc.yml (lint with annotations and SARIF on pull requests; build and\n" +
            "publish the outputs on tags). Existing files are never overwritten: if any exists, nothing is written.\n" +
            "Exit codes: 0 created, 2 a file exists already (or usage error), 3 internal error.")
        { dir };
        cmd.SetAction(p => Run(p.GetValue(dir)!, stdout, stderr));
        return cmd;
    }

    /// <summary>The files of a new project, by path relative to its folder.</summary>
    public static IReadOnlyList<(string Path, string Content)> Files() => new[]
    {
        ("dcsc.yaml", ConfigYaml),
        ("statement.yaml", StatementYaml),
        (SchemaPath, SchemaValidator.SchemaText),
        (".github/workflows/dcsc.yml", Workflow(ToolInfo.Version)),
    };

    public static int Run(string folder, TextWriter stdout, TextWriter stderr)
    {
        var files = Files();
        var existing = files.Select(f => f.Path).Where(p => File.Exists(Path.Combine(folder, p)) || Directory.Exists(Path.Combine(folder, p))).ToList();
        if (existing.Count > 0)
        {
            stderr.WriteLine($"dcsc: init changes nothing, because these files exist in {Path.GetFullPath(folder)}:");
            foreach (var e in existing) stderr.WriteLine("  " + e);
            stderr.WriteLine("Move them away, or run dcsc init in another folder.");
            return CommandLine.UsageError;
        }
        try
        {
            // All files or none, through the one output writer (no links followed, nothing half-written).
            AtomicFileWriter.WriteAll(files.Select(f => (Path.Combine(folder, f.Path), Utf8.GetBytes(f.Content))).ToList());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(DiagnosticCatalogue.OutputCannotBeWritten(SourceSpan.None("dcsc"), $"cannot write the project files: {e.Message}"));
            return CommandLine.InputErrors;
        }
        foreach (var (path, _) in files) stdout.WriteLine("created " + Path.Combine(folder, path).Replace('\\', '/'));
        var prefix = folder == "." ? "" : folder.TrimEnd('/', '\\') + "/";
        stdout.WriteLine();
        stdout.WriteLine("Next steps:");
        stdout.WriteLine($"  dcsc lint {prefix}statement.yaml");
        stdout.WriteLine($"  dcsc build {prefix}statement.yaml -o {prefix}out --format md,html,docx");
        return CommandLine.Ok;
    }

    public const string ConfigYaml = """
        # dcsc project configuration (see docs/ci.md and docs/rules/).
        # Rule severities can be changed here, e.g.
        #   rules:
        #     DCS0501: warning
        rules: {}

        """;

    public const string StatementYaml = """
        # yaml-language-server: $schema=.dcsc/dcsc.schema.json
        #
        # The DICOM Conformance Statement of your product, in one source.
        # Check it:   dcsc lint statement.yaml
        # Build it:   dcsc build statement.yaml -o out --format md,html,docx
        # The format: https://github.com/dcsc-project/dcsc/blob/main/docs/source-format.md

        product:
          name: Example Modality
          version: "1.0"
          manufacturer: Example Medical
          document_id: EXAMPLE-DCS-0001
          date: "2025-01-01"
          description: >-
            Example Modality acquires CT images and sends them to a PACS. It verifies connectivity
            with the DICOM Verification Service.

        revision_history:
          - revision: "1.0"
            date: "2025-01-01"
            product_versions: "1.0"
            change: First release.

        transfer_syntax_sets:
          - code: U
            name: Uncompressed Transfer Syntax Set
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2.1
                name: Explicit VR Little Endian
              - uid: 1.2.840.10008.1.2
                name: Implicit VR Little Endian

        application_entities:
          - name: STORAGE-SCU
            ae_title: EXAMPLE_SCU
            description: Sends the acquired images to a remote Storage SCP.

        sop_classes:
          - uid: 1.2.840.10008.1.1
            name: Verification SOP Class
            scu: [STORAGE-SCU]
            transfer_syntax_sets: [U]
          - uid: 1.2.840.10008.5.1.4.1.1.2
            name: CT Image Storage
            scu: [STORAGE-SCU]
            transfer_syntax_sets: [U]
            create: S

        character_sets:
          - defined_term: ISO_IR 100
            description: Latin alphabet No. 1

        dimse:
          storage:
            scu:
              description: >-
                Images are sent when the exam is closed. On success they are marked sent; on a warning status they
                are marked sent and the warning is logged; on a failure status the transfer is retried three times.
                No SOP Class Extended Negotiation is proposed.

        iods:
          - name: CT Image IOD
            sop_class: 1.2.840.10008.5.1.4.1.1.2
            modules:
              - name: Patient Module
                attributes:
                  - name: Patient's Name
                    tag: (0010,0010)
                    source: USER
                  - name: Patient ID
                    tag: (0010,0020)
                    source: USER

        """;

    /// <summary>The GitHub workflow of a new project: lint on pull requests, build and publish on tags.</summary>
    public static string Workflow(string version) => $$$"""
        # Lints the statement on every pull request (annotations on the changed lines, code-scanning alerts
        # from SARIF, a summary on the run page) and, on a tag v*, builds the statement and attaches the
        # Markdown, HTML and DOCX to the GitHub release of that tag. See docs/ci.md of dcsc.
        name: dcsc

        on:
          pull_request:
          push:
            branches: [main]
            tags: ['v*']

        permissions:
          contents: read

        env:
          DCSC_VERSION: '{{{version}}}'
          STATEMENT: statement.yaml

        jobs:
          lint:
            runs-on: ubuntu-latest
            permissions:
              contents: read
              security-events: write   # upload SARIF to code scanning
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: '10.0.x'
              - name: Install dcsc
                run: dotnet tool install --global dcsc --version "$DCSC_VERSION"
              - name: Lint
                run: dcsc lint "$STATEMENT" --format github --format sarif=dcsc.sarif --format markdown=dcsc-summary.md
              - name: Summary
                if: always()
                run: '[ -f dcsc-summary.md ] && cat dcsc-summary.md >> "$GITHUB_STEP_SUMMARY" || true'
              - name: Upload SARIF
                if: always() && hashFiles('dcsc.sarif') != ''
                uses: github/codeql-action/upload-sarif@v3
                with:
                  sarif_file: dcsc.sarif
                  category: dcsc
                continue-on-error: true   # code scanning may be unavailable (private repository, fork)

          build:
            if: startsWith(github.ref, 'refs/tags/')
            needs: lint
            runs-on: ubuntu-latest
            permissions:
              contents: write   # create the release and upload its assets
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: '10.0.x'
              - name: Install dcsc
                run: dotnet tool install --global dcsc --version "$DCSC_VERSION"
              - name: Build
                run: dcsc build "$STATEMENT" -o out --format md,html,docx
              - name: Publish the statement as release assets
                env:
                  GH_TOKEN: ${{ github.token }}
                run: |
                  gh release view "$GITHUB_REF_NAME" >/dev/null 2>&1 \
                    || gh release create "$GITHUB_REF_NAME" --verify-tag --title "$GITHUB_REF_NAME" --notes "DICOM Conformance Statement $GITHUB_REF_NAME"
                  gh release upload "$GITHUB_REF_NAME" out/* --clobber

        """;
}
