using System.Text;
using System.Xml;
using Dcsc.Model;

namespace Dcsc.Export;

/// <summary>
/// <c>dcsc build --format wadl</c>: the capabilities document a DICOMweb origin server returns to OPTIONS on its service
/// root (PS3.18 §8.9 "Capabilities", Annex H "Capabilities Description"): a WADL application with one resource per
/// path of every transaction the statement declares as origin server, and its product additions, each with its HTTP
/// method, query parameters and media types. Deterministic: resources in path order, methods in declaration order.
/// </summary>
public static class Wadl
{
    public const string Namespace = "http://wadl.dev.java.net/2009/02";

    /// <summary>One method on one path, from a declared transaction or addition.</summary>
    public sealed record Endpoint(string Method, string Path, string Id, string Title, IReadOnlyList<string> QueryParameters,
        IReadOnlyList<string> MediaTypes, IReadOnlyList<(int Code, string Meaning)> Statuses);

    /// <summary>True when the statement declares something a capabilities document can describe.</summary>
    public static bool HasOriginServer(Statement s) => s.DicomWeb.Transactions.Any(t => t.OriginServer) || s.Details.WebAdditions.Count > 0;

    /// <summary>Every endpoint of the origin server: standard transactions (PS3.18 paths) and additions, in declaration order.</summary>
    public static IReadOnlyList<Endpoint> Endpoints(Statement s)
    {
        var list = new List<Endpoint>();
        foreach (var t in s.DicomWeb.Transactions.Where(t => t.OriginServer))
        {
            var resources = t.Resources.Count > 0 ? t.Resources : new[] { "" };
            foreach (var r in resources)
                foreach (var (method, path) in Paths(t.Service, t.Transaction, r))
                    list.Add(new Endpoint(method, path, Id(t.Service, t.Transaction, r), $"{t.Service} {t.Transaction}{(r.Length > 0 ? $" ({r})" : "")}",
                        t.QueryParameters, t.MediaTypes, Array.Empty<(int, string)>()));
        }
        foreach (var a in s.Details.WebAdditions)
            list.Add(new Endpoint(a.Method.ToUpperInvariant(), a.Path.Trim('/'), Id(a.Service, a.Name, "addition"), $"{a.Name} (product addition)",
                Array.Empty<string>(), Array.Empty<string>(), a.HttpStatus.Select(h => (h.Code, h.Meaning)).ToList()));
        // The same method on the same path from two resource names (e.g. "Series" and "Study's Series") is one endpoint.
        return list.GroupBy(e => (e.Method, e.Path)).Select(g => g.First()).ToList();
    }

    private static string Id(string service, string transaction, string resource) =>
        new string($"{service}-{transaction}-{resource}".Where(c => char.IsLetterOrDigit(c) || c == '-').ToArray()).Trim('-');

    private const string Study = "studies/{StudyInstanceUID}", Series = Study + "/series/{SeriesInstanceUID}",
        Instance = Series + "/instances/{SOPInstanceUID}", Workitem = "workitems/{WorkitemUID}";

    /// <summary>
    /// The method and paths of a transaction on a resource, after PS3.18 §10.4 (Retrieve), §10.5 (Store), §10.6 (Search),
    /// §11 (Worklist, UPS-RS) and §9 (URI, WADO-URI). A resource PS3.18 does not name keeps its own name as path.
    /// </summary>
    internal static IEnumerable<(string Method, string Path)> Paths(string service, string transaction, string resource)
    {
        static string N(string s) => string.Join(' ', s.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("’", "'");
        var (sv, tr, rs) = (N(service), N(transaction), N(resource));
        string[] paths;
        string method = "GET";
        switch (sv, tr)
        {
            case ("studies", "retrieve"):
                paths = rs switch
                {
                    "study" => new[] { Study },
                    "series" => new[] { Series },
                    "instance" => new[] { Instance },
                    "metadata" => new[] { Study + "/metadata", Series + "/metadata", Instance + "/metadata" },
                    "rendered" => new[] { Study + "/rendered", Series + "/rendered", Instance + "/rendered", Instance + "/frames/{FrameList}/rendered" },
                    "thumbnail" => new[] { Study + "/thumbnail", Series + "/thumbnail", Instance + "/thumbnail", Instance + "/frames/{FrameList}/thumbnail" },
                    "frames" => new[] { Instance + "/frames/{FrameList}" },
                    "bulkdata" => new[] { "{BulkDataURI}" },
                    "pixel data" or "pixeldata" => new[] { Study + "/pixeldata", Series + "/pixeldata", Instance + "/pixeldata" },
                    _ => new[] { Slug(resource) },
                };
                break;
            case ("studies", "store"):
                method = "POST";
                paths = new[] { "studies", Study };
                break;
            case ("studies", "search"):
                paths = rs switch
                {
                    "study" or "all studies" => new[] { "studies" },
                    "series" => new[] { "series", Study + "/series" },
                    "all series" => new[] { "series" },
                    "study's series" => new[] { Study + "/series" },
                    "instance" => new[] { "instances", Study + "/instances", Series + "/instances" },
                    "all instances" => new[] { "instances" },
                    "study's instances" => new[] { Study + "/instances" },
                    "study's series' instances" => new[] { Series + "/instances" },
                    _ => new[] { Slug(resource) },
                };
                break;
            case ("worklist", _):
                (method, paths) = tr switch
                {
                    "create" => ("POST", new[] { "workitems" }),
                    "retrieve" => ("GET", new[] { Workitem }),
                    "update" => ("POST", new[] { Workitem }),
                    "change state" => ("PUT", new[] { Workitem + "/state" }),
                    "request cancellation" => ("POST", new[] { Workitem + "/cancelrequest" }),
                    "search" => ("GET", new[] { "workitems" }),
                    "subscribe" => ("POST", rs == "worklist" ? new[] { "workitems/1.2.840.10008.5.1.4.34.5/subscribers/{AETitle}" } : new[] { Workitem + "/subscribers/{AETitle}" }),
                    "unsubscribe" => ("DELETE", rs == "worklist" ? new[] { "workitems/1.2.840.10008.5.1.4.34.5/subscribers/{AETitle}" } : new[] { Workitem + "/subscribers/{AETitle}" }),
                    "suspend" or "suspend subscription" => ("POST", new[] { "workitems/1.2.840.10008.5.1.4.34.5/subscribers/{AETitle}/suspend" }),
                    _ => (MethodOf(tr), new[] { "workitems" + (rs.Length > 0 ? "/" + Slug(resource) : "") }),
                };
                break;
            case ("uri", _):
                paths = new[] { "" }; // WADO-URI: the base URL itself, with requestType=WADO and the UIDs as query parameters
                break;
            default:
                method = MethodOf(tr);
                paths = new[] { Slug(service) + (rs.Length > 0 ? "/" + Slug(resource) : "") };
                break;
        }
        foreach (var p in paths) yield return (method, p);
    }

    private static string MethodOf(string transaction) => transaction switch
    {
        "store" or "create" or "update" or "request cancellation" or "subscribe" => "POST",
        "change state" => "PUT",
        "unsubscribe" or "delete" => "DELETE",
        _ => "GET",
    };

    private static string Slug(string s) =>
        new string(s.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    /// <summary>A resource tree node: one path segment, its methods, its children.</summary>
    private sealed class Node
    {
        public readonly SortedDictionary<string, Node> Children = new(StringComparer.Ordinal);
        public readonly List<Endpoint> Methods = new();
    }

    public static byte[] Write(Statement s)
    {
        var root = new Node();
        foreach (var e in Endpoints(s))
        {
            var node = root;
            foreach (var seg in e.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!node.Children.TryGetValue(seg, out var child)) node.Children[seg] = child = new Node();
                node = child;
            }
            node.Methods.Add(e);
        }
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false, NewLineChars = "\n" };
        using (var ms = new MemoryStream())
        {
            using (var w = XmlWriter.Create(ms, settings))
            {
                w.WriteStartDocument();
                w.WriteStartElement("application", Namespace);
                w.WriteStartElement("doc", Namespace);
                w.WriteAttributeString("title", Clean($"{s.Product.Name} {s.Product.Version} DICOMweb capabilities"));
                w.WriteString(Clean($"The resources and methods {s.Product.Name} declares as DICOMweb origin server in its DICOM Conformance Statement (PS3.18 §8.9, Annex H); generated by dcsc."));
                w.WriteEndElement();
                w.WriteStartElement("resources", Namespace);
                w.WriteAttributeString("base", Clean(s.DicomWeb.BaseUrl ?? "/"));
                foreach (var m in root.Methods) Method(w, m);
                foreach (var (seg, child) in root.Children) Resource(w, seg, child);
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndDocument();
            }
            return ms.ToArray().Concat(new[] { (byte)'\n' }).ToArray();
        }
    }

    private static void Resource(XmlWriter w, string segment, Node node)
    {
        w.WriteStartElement("resource", Namespace);
        w.WriteAttributeString("path", Clean(segment));
        if (segment.StartsWith('{') && segment.EndsWith('}'))
        {
            w.WriteStartElement("param", Namespace);
            w.WriteAttributeString("name", Clean(segment[1..^1]));
            w.WriteAttributeString("style", "template");
            w.WriteAttributeString("required", "true");
            w.WriteEndElement();
        }
        foreach (var m in node.Methods) Method(w, m);
        foreach (var (seg, child) in node.Children) Resource(w, seg, child);
        w.WriteEndElement();
    }

    private static void Method(XmlWriter w, Endpoint e)
    {
        w.WriteStartElement("method", Namespace);
        w.WriteAttributeString("name", e.Method);
        w.WriteAttributeString("id", Clean($"{e.Method}-{Slug(e.Path)}")); // unique: one endpoint per method and path
        w.WriteStartElement("doc", Namespace);
        w.WriteAttributeString("title", Clean(e.Title));
        w.WriteEndElement();
        if (e.QueryParameters.Count > 0 || e.Method is "POST" or "PUT")
        {
            w.WriteStartElement("request", Namespace);
            foreach (var q in e.QueryParameters)
            {
                w.WriteStartElement("param", Namespace);
                w.WriteAttributeString("name", Clean(q));
                w.WriteAttributeString("style", "query");
                w.WriteEndElement();
            }
            if (e.Method is "POST" or "PUT")
                foreach (var mt in e.MediaTypes)
                {
                    w.WriteStartElement("representation", Namespace);
                    w.WriteAttributeString("mediaType", Clean(mt));
                    w.WriteEndElement();
                }
            w.WriteEndElement();
        }
        if (e.Statuses.Count > 0)
            foreach (var (code, meaning) in e.Statuses)
            {
                w.WriteStartElement("response", Namespace);
                w.WriteAttributeString("status", code.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteStartElement("doc", Namespace);
                w.WriteString(Clean(meaning));
                w.WriteEndElement();
                w.WriteEndElement();
            }
        else
        {
            w.WriteStartElement("response", Namespace);
            w.WriteAttributeString("status", e.Method == "POST" && e.Path.StartsWith("studies", StringComparison.Ordinal) ? "200 202" : "200");
            if (e.Method == "GET")
                foreach (var mt in e.MediaTypes)
                {
                    w.WriteStartElement("representation", Namespace);
                    w.WriteAttributeString("mediaType", Clean(mt));
                    w.WriteEndElement();
                }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>Author text as XML text: characters XML 1.0 cannot carry, and control and bidirectional characters, are dropped.</summary>
    private static string Clean(string s)
    {
        var t = Dcsc.Source.UntrustedText.ForDocument(s);
        return new string(t.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray());
    }
}
