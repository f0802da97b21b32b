using Dcsc.Dictionary;
using Dcsc.Layout;
using Dcsc.Schema;

namespace Dcsc.Pipeline;

/// <summary>
/// Reads what every run needs and no statement changes — the schema document and NJsonSchema's first use, the DICOM
/// dictionary, the template — on a background thread while the statement is loaded, so that a fresh process
/// (one `dcsc lint` per changed file in CI) does not wait for them one after another (docs/performance.md).
/// Each is a thread-safe lazy value: the pipeline takes it when ready, or computes it itself if it comes first.
/// </summary>
public static class Warmup
{
    private static int s_started;

    public static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) == 1) return;
        var thread = new Thread(() =>
        {
            try
            {
                SchemaValidator.Prepare();
                _ = DicomDictionary.Standard;
                _ = TemplateData.Template;
            }
            catch (Exception)
            {
                // Nothing is lost: the pipeline computes the same values itself and reports any failure there.
            }
        })
        { IsBackground = true, Name = "dcsc warm-up" };
        thread.Start();
    }
}
