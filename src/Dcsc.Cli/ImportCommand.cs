using System.CommandLine;
using Dcsc.Diagnostics;
using Dcsc.Import;
using Dcsc.Output;

namespace Dcsc.Cli;

/// <summary><c>dcsc import file -o dir</c>: turn an existing Conformance Statement into a dcsc project.</summary>
public static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("file") { Description = "The statement to import: .docx, .md, .html, .pdf, or .txt as written by pdftotext -layout." };
        var output = new Option<string>("--output", "-o") { Description = "Folder of the new project (statement.yaml, statement/iods/*.yaml, images/, import-report.md).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the files of an existing project in the output folder." };
        var cmd = new Command("import",
            "Read an existing DICOM Conformance Statement and write a dcsc project: the YAML source (IODs in included files),\n" +
            "the images of the document, and import-report.md (where each section and table went, contradictions, coverage).\n" +
            "Sections are mapped to the PS3.2 template (current and older Annex A layout) by number and title; tables of SOP\n" +
            "Classes, Transfer Syntaxes, presentation contexts, AEs, association parameters, status codes, query keys and\n" +
            "attributes become declarations. Nothing is written when the input cannot be imported, and an existing\n" +
            "statement.yaml is never replaced without --force. Exit codes: 0 imported, 1 input cannot be imported,\n" +
            "2 usage error, 3 internal error. See docs/import.md.")
        { input, output, force };
        cmd.SetAction(p =>
        {
            var file = p.GetValue(input)!;
            var dir = p.GetValue(output)!;
            ImportResult result;
            try
            {
                result = Importer.Import(file);
            }
            catch (ImportException e)
            {
                stderr.Write(DiagnosticFormatter.Text(new[] { DiagnosticCatalogue.InputCannotBeImported(SourceSpan.None(file), e.Message) }));
                return CommandLine.InputErrors;
            }
            var targets = result.Files.Select(f => (Path: Path.Combine(dir, f.Path), f.Content)).ToList();
            var existing = targets.Where(t => File.Exists(t.Path) || Directory.Exists(t.Path)).Select(t => t.Path).ToList();
            if (existing.Count > 0 && !p.GetValue(force))
            {
                stderr.Write(DiagnosticFormatter.Text(new[] { DiagnosticCatalogue.ImportWouldOverwrite(SourceSpan.None(Path.Combine(dir, result.StatementFile)),
                    $"the output folder already holds a project ({existing.Count} file(s) would be replaced, e.g. {existing[0]}); use --force to replace them or choose another folder") }));
                return CommandLine.InputErrors;
            }
            try
            {
                AtomicFileWriter.WriteAll(targets);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                stderr.Write(DiagnosticFormatter.Text(new[] { DiagnosticCatalogue.OutputCannotBeWritten(SourceSpan.None(dir), "output cannot be written: " + e.Message) }));
                return CommandLine.InputErrors;
            }
            var r = result.Report;
            stderr.WriteLine($"dcsc: imported {Path.GetFileName(file)} into {Path.Combine(dir, result.StatementFile)}: {r.Sections.Count} sections, {r.Tables.Count} tables " +
                             $"({r.TablesStructured} structured, {r.TablesAuthor} author tables), {r.SopClassesFound} SOP Classes ({r.SopClassesWithRoles} with roles); see {Path.Combine(dir, "import-report.md")}");
            return CommandLine.Ok;
        });
        return cmd;
    }
}
