using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dcsc.Dictionary;
using Dcsc.Model;
using Dcsc.Tool;

namespace Dcsc.Export;

/// <summary>
/// <c>dcsc build --format json</c>: the normalized statement — every declaration after defaults and expansions
/// ("every Storage SOP Class" expanded, Transfer Syntax Sets resolved per role, association parameters with their
/// effective values), each UID with its name — for other tools (procurement, test generators, inventories). The
/// shape is schema/dcsc-statement-1.schema.json, named by the output's <c>$schema</c>; <see cref="FormatId"/>
/// changes only with incompatible changes (docs/machine-readable.md). Deterministic: declaration order, no time stamp.
/// </summary>
public static class StatementJson
{
    public const string FormatId = "dcsc-statement/1";
    public const string SchemaId = "https://dcsc-project.github.io/schema/dcsc-statement-1.schema.json";

    /// <summary>The schema file in the repository (schema/), published with each release.</summary>
    public const string SchemaFile = "dcsc-statement-1.schema.json";

    public static byte[] Write(Statement s)
    {
        var dict = StatementDictionary.Of(s.Dictionary);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var j = new Writer(w, s, dict);
            j.Statement();
        }
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    private sealed class Writer(Utf8JsonWriter w, Statement s, DicomDictionary dict)
    {
        private readonly Dictionary<string, string> _tsNames = s.TransferSyntaxSets.SelectMany(t => t.TransferSyntaxes)
            .GroupBy(t => t.Uid).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

        public void Statement()
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaId);
            w.WriteString("format", FormatId);
            w.WriteStartObject("generator");
            w.WriteString("dcsc", ToolInfo.Version);
            w.WriteString("sourceFormat", ToolInfo.SourceFormatVersion);
            w.WriteString("dictionary", DicomDictionary.Standard.Edition);
            w.WriteEndObject();
            Product();
            TransferSyntaxSets();
            Association("association", s.Association);
            ApplicationEntities();
            EveryStorage();
            SopClasses();
            DicomWeb();
            Media();
            CharacterSets();
            Security();
            Dimse();
            Network();
            QueryKeys();
            Iods();
            DeIdentification();
            w.WriteEndObject();
        }

        // ------------------------------------------------------------------------------------------------ helpers

        private void Str(string name, string? v) { if (v is null) w.WriteNull(name); else w.WriteString(name, v); }

        private void Strings(string name, IEnumerable<string> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }

        private void Bool(string name, bool? v) { if (v is null) w.WriteNull(name); else w.WriteBoolean(name, v.Value); }

        /// <summary>A UID with its name (the statement's own name where it declares one, else the dictionary's).</summary>
        private void Uid(string uid, string? declared = null)
        {
            w.WriteStartObject();
            w.WriteString("uid", uid);
            w.WriteString("name", ServiceCatalogue.NameOf(uid, declared, dict));
            w.WriteEndObject();
        }

        private void Uids(string name, IEnumerable<string> uids, Func<string, string?>? declared = null)
        {
            w.WriteStartArray(name);
            foreach (var u in uids) Uid(u, declared?.Invoke(u));
            w.WriteEndArray();
        }

        private string? TsName(string uid) => _tsNames.GetValueOrDefault(uid);

        private static string Policy(TransferSyntaxPolicy p) => p switch
        {
            TransferSyntaxPolicy.Any => "any",
            TransferSyntaxPolicy.AsReceived => "as_received",
            _ => "sets",
        };

        /// <summary>The Transfer Syntaxes of set codes, in set order, each once.</summary>
        private IEnumerable<string> SyntaxesOf(IEnumerable<string> codes)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var code in codes)
                foreach (var set in s.TransferSyntaxSets.Where(t => t.Code == code))
                    foreach (var ts in set.TransferSyntaxes)
                        if (seen.Add(ts.Uid)) yield return ts.Uid;
        }

        private void Effective(string name, EffectiveTransferSyntaxes e)
        {
            w.WriteStartObject(name);
            Strings("sets", e.SetCodes);
            w.WriteString("policy", Policy(e.Policy));
            Uids("transferSyntaxes", SyntaxesOf(e.SetCodes), TsName);
            w.WriteEndObject();
        }

        // ------------------------------------------------------------------------------------------------ sections

        private void Product()
        {
            var p = s.Product;
            w.WriteStartObject("product");
            w.WriteString("name", p.Name);
            w.WriteString("version", p.Version);
            Str("manufacturer", p.Manufacturer);
            w.WriteString("description", p.Description);
            Str("date", p.Date);
            Str("documentId", p.DocumentId);
            w.WriteEndObject();
        }

        private void TransferSyntaxSets()
        {
            w.WriteStartArray("transferSyntaxSets");
            foreach (var set in s.TransferSyntaxSets)
            {
                w.WriteStartObject();
                w.WriteString("code", set.Code);
                w.WriteString("name", set.Name);
                w.WriteStartArray("transferSyntaxes");
                foreach (var ts in set.TransferSyntaxes)
                {
                    w.WriteStartObject();
                    w.WriteString("uid", ts.Uid);
                    w.WriteString("name", ServiceCatalogue.NameOf(ts.Uid, ts.Name, dict));
                    w.WriteBoolean("retired", dict.FindUid(ts.Uid)?.Retired ?? false);
                    Str("bulkdataMediaType", ts.BulkdataMediaType);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void Association(string name, AssociationParameters? a)
        {
            if (a is null) { w.WriteNull(name); return; }
            w.WriteStartObject(name);
            Str("applicationContextName", a.ApplicationContextName);
            Str("implementationClassUid", a.ImplementationClassUid);
            Str("implementationVersionName", a.ImplementationVersionName);
            w.WriteStartObject("parameters");
            foreach (var (key, setting) in a.Settings)
            {
                w.WriteStartObject(key);
                Str("value", setting.Effective);
                Str("default", setting.Default);
                Str("minimum", setting.Minimum);
                Str("maximum", setting.Maximum);
                w.WriteBoolean("configurable", setting.Configurable);
                Str("unit", setting.Unit);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void ApplicationEntities()
        {
            w.WriteStartArray("applicationEntities");
            foreach (var ae in s.ApplicationEntities)
            {
                w.WriteStartObject();
                w.WriteString("name", ae.Name);
                Str("aeTitle", ae.AeTitle);
                w.WriteString("description", ae.Description);
                Association("association", ae.Association);
                w.WriteStartArray("activities");
                foreach (var act in ae.Activities)
                {
                    w.WriteStartObject();
                    w.WriteString("name", act.Name);
                    w.WriteString("role", act.Role == ActivityRole.Initiator ? "initiator" : "acceptor");
                    Uids("sopClasses", act.SopClasses, u => s.SopClasses.FirstOrDefault(x => x.Uid == u)?.Name);
                    Strings("transferSyntaxSets", act.TransferSyntaxSets);
                    w.WriteString("transferSyntaxSetsMode", act.NarrowTransferSyntaxSets ? "narrow" : "replace");
                    Str("transferSyntaxPolicy", act.TransferSyntaxPolicy is { } p ? Policy(p) : null);
                    w.WriteStartArray("extendedNegotiation");
                    foreach (var n in act.ExtendedNegotiation)
                    {
                        w.WriteStartObject();
                        w.WriteString("sopClass", n.SopClass);
                        w.WriteString("negotiation", n.Negotiation);
                        w.WriteBoolean("supported", n.Support);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void EveryStorage()
        {
            if (s.EveryStorage is not { } e) { w.WriteNull("everyStorageSopClass"); return; }
            w.WriteStartObject("everyStorageSopClass");
            Strings("scu", e.Scu);
            Strings("scp", e.Scp);
            w.WriteBoolean("includeRetired", e.IncludeRetired);
            w.WriteBoolean("includeNonPatient", e.IncludeNonPatient);
            Uids("exclude", e.Exclude);
            Strings("transferSyntaxSets", e.TransferSyntaxSets);
            w.WriteString("transferSyntaxPolicy", Policy(e.TransferSyntaxPolicy));
            w.WriteNumber("expandedCount", s.SopClasses.Count(x => x.Expanded));
            w.WriteEndObject();
        }

        private void SopClasses()
        {
            w.WriteStartArray("sopClasses");
            foreach (var sc in s.SopClasses)
            {
                w.WriteStartObject();
                w.WriteString("uid", sc.Uid);
                w.WriteString("name", ServiceCatalogue.NameOf(sc.Uid, sc.Name, dict));
                Str("serviceClass", ServiceCatalogue.ServiceClassOf(sc.Uid, dict));
                w.WriteBoolean("retired", dict.FindUid(sc.Uid)?.Retired ?? false);
                w.WriteBoolean("expanded", sc.Expanded);
                Strings("scu", sc.Scu);
                Strings("scp", sc.Scp);
                w.WriteBoolean("userAgent", sc.UserAgent);
                w.WriteBoolean("originServer", sc.OriginServer);
                w.WriteBoolean("fsc", sc.Fsc);
                w.WriteBoolean("fsu", sc.Fsu);
                w.WriteBoolean("fsr", sc.Fsr);
                Strings("transferSyntaxSets", sc.TransferSyntaxSets);
                w.WriteString("transferSyntaxPolicy", Policy(sc.TransferSyntaxPolicy));
                // What each role proposes or accepts after the activities narrow or replace the sets (issue 12 point 1).
                if (sc.IsScu) Effective("asScu", TransferSyntaxResolution.ForRole(s, sc, ActivityRole.Initiator)); else w.WriteNull("asScu");
                if (sc.IsScp) Effective("asScp", TransferSyntaxResolution.ForRole(s, sc, ActivityRole.Acceptor)); else w.WriteNull("asScp");
                Str("create", sc.Create);
                w.WriteBoolean("display", sc.Display);
                w.WriteBoolean("process", sc.Process);
                w.WriteBoolean("archive", sc.Archive);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void DicomWeb()
        {
            w.WriteStartObject("dicomweb");
            Str("baseUrl", s.DicomWeb.BaseUrl);
            w.WriteStartArray("transactions");
            for (int i = 0; i < s.DicomWeb.Transactions.Count; i++)
            {
                var t = s.DicomWeb.Transactions[i];
                var d = s.Details.Web.FirstOrDefault(x => x.Index == i);
                w.WriteStartObject();
                w.WriteString("service", t.Service);
                w.WriteString("transaction", t.Transaction);
                Str("ae", t.Ae);
                w.WriteBoolean("userAgent", t.UserAgent);
                w.WriteBoolean("originServer", t.OriginServer);
                Strings("resources", t.Resources);
                w.WriteStartArray("mediaTypes");
                foreach (var m in t.MediaTypes.Select(m => DetailBinder.ParseMediaType(m, t.Location)))
                {
                    w.WriteStartObject();
                    w.WriteString("type", m.Type);
                    if (m.TransferSyntax is null) w.WriteNull("transferSyntax");
                    else { w.WritePropertyName("transferSyntax"); Uid(m.TransferSyntax, TsName(m.TransferSyntax)); }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                Uids("transferSyntaxes", t.TransferSyntaxes, TsName);
                Strings("queryParameters", t.QueryParameters);
                if (d?.DefaultTransferSyntax is { } def) { w.WritePropertyName("defaultTransferSyntax"); Uid(def, TsName(def)); }
                else w.WriteNull("defaultTransferSyntax");
                Uids("transcodeFrom", d?.TranscodeFrom ?? Array.Empty<string>(), TsName);
                w.WriteStartArray("search");
                foreach (var l in d?.Search ?? Array.Empty<SearchLevel>())
                {
                    w.WriteStartObject();
                    w.WriteString("level", l.Level);
                    w.WriteStartArray("attributes");
                    foreach (var a in l.Attributes)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", a.Name);
                        w.WriteString("tag", a.Tag);
                        Strings("matchingTypes", a.MatchingTypes);
                        w.WriteBoolean("fuzzy", a.Fuzzy);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    Strings("defaultReturn", l.DefaultReturn);
                    Strings("includeField", l.IncludeField);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                Reasons("failureReasons", d?.FailureReasons);
                Reasons("warningReasons", d?.WarningReasons);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("additions");
            foreach (var a in s.Details.WebAdditions)
            {
                w.WriteStartObject();
                w.WriteString("service", a.Service);
                w.WriteString("name", a.Name);
                w.WriteString("method", a.Method);
                w.WriteString("path", a.Path);
                w.WriteString("description", a.Description);
                w.WriteStartArray("httpStatus");
                foreach (var h in a.HttpStatus)
                {
                    w.WriteStartObject();
                    w.WriteNumber("code", h.Code);
                    w.WriteString("meaning", h.Meaning);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private void Reasons(string name, IReadOnlyList<ReasonCode>? codes)
        {
            w.WriteStartArray(name);
            foreach (var r in codes ?? Array.Empty<ReasonCode>())
            {
                w.WriteStartObject();
                w.WriteString("code", r.Code);
                w.WriteString("meaning", r.Meaning);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void Media()
        {
            w.WriteStartArray("media");
            foreach (var m in s.MediaProfiles)
            {
                w.WriteStartObject();
                w.WriteString("profile", m.Profile);
                w.WriteString("media", m.Media);
                Str("ae", m.Ae);
                w.WriteBoolean("fsc", m.Fsc);
                w.WriteBoolean("fsu", m.Fsu);
                w.WriteBoolean("fsr", m.Fsr);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void CharacterSets()
        {
            w.WriteStartArray("characterSets");
            foreach (var c in s.CharacterSets)
            {
                w.WriteStartObject();
                w.WriteString("definedTerm", c.DefinedTerm);
                Str("description", c.Description);
                w.WriteStartArray("codeElements");
                foreach (var e in s.Details.CharacterSetCodes.Where(x => x.DefinedTerm == c.DefinedTerm).SelectMany(x => x.Elements))
                {
                    w.WriteStartObject();
                    w.WriteString("element", e.Element);
                    w.WriteString("escapeSequence", e.EscapeSequence);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void Security()
        {
            w.WriteStartObject("security");
            w.WriteStartArray("profiles");
            foreach (var p in s.Security.Profiles)
            {
                w.WriteStartObject();
                w.WriteString("profile", p.Profile);
                w.WriteString("kind", p.Kind);
                Str("securedAe", p.SecuredAe);
                w.WriteBoolean("sender", p.Sender);
                w.WriteBoolean("receiver", p.Receiver);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            foreach (var (name, list) in new[] { ("userIdentityInitiator", s.Security.UserIdentityInitiator), ("userIdentityAcceptor", s.Security.UserIdentityAcceptor) })
            {
                w.WriteStartArray(name);
                foreach (var u in list)
                {
                    w.WriteStartObject();
                    w.WriteString("type", u.Type);
                    w.WriteBoolean("supported", u.Supported);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (s.Details.Tls is { } tls)
            {
                w.WriteStartObject("tls");
                Strings("versions", tls.Versions);
                Strings("cipherSuites", tls.CipherSuites.Select(c => c.Name));
                Str("certificateValidation", tls.CertificateValidation);
                Bool("clientCertificates", tls.ClientCertificates);
                w.WriteEndObject();
            }
            else w.WriteNull("tls");
            if (s.Details.Audit is { } audit)
            {
                w.WriteStartObject("auditTrail");
                w.WriteStartArray("messages");
                foreach (var m in audit.Messages)
                {
                    w.WriteStartObject();
                    w.WriteString("message", m.Message);
                    Strings("triggers", m.Triggers);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                Strings("transport", audit.Transport);
                Str("collector", audit.Collector);
                w.WriteEndObject();
            }
            else w.WriteNull("auditTrail");
            w.WriteEndObject();
        }

        private void Dimse()
        {
            w.WriteStartObject("dimse");
            w.WriteStartArray("keyTables");
            foreach (var t in s.Details.KeyTables)
            {
                w.WriteStartObject();
                w.WriteString("service", t.Service.ToString());
                w.WriteString("role", t.Side.ToString().ToUpperInvariant());
                Str("model", t.Model);
                Str("level", t.Level);
                w.WriteString("operation", t.Operation);
                w.WriteStartArray("keys");
                foreach (var k in t.Keys)
                {
                    w.WriteStartObject();
                    w.WriteString("name", k.Name);
                    w.WriteString("tag", k.Tag);
                    Str("vr", k.Vr);
                    Bool("matchingKey", k.MatchingKey);
                    Bool("returnKey", k.ReturnKey);
                    Strings("matchingTypes", k.MatchingTypes);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("statusCodes");
            foreach (var t in s.Details.StatusTables)
            {
                w.WriteStartObject();
                w.WriteString("service", t.Service.ToString());
                w.WriteString("role", t.Side.ToString().ToUpperInvariant());
                w.WriteString("operation", t.Operation);
                w.WriteStartArray("codes");
                foreach (var r in t.Rows)
                {
                    w.WriteStartObject();
                    w.WriteString("code", r.Code);
                    w.WriteString("status", r.Status);
                    Str("meaning", r.Meaning);
                    Str("behavior", r.Behavior);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                Str("other", t.Other);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private void Network()
        {
            var n = s.Details.Network;
            w.WriteStartObject("network");
            w.WriteStartArray("interfaces");
            foreach (var i in n.Interfaces)
            {
                w.WriteStartObject();
                w.WriteString("name", i.Name);
                w.WriteString("type", i.Type);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("protocols");
            foreach (var p in n.Protocols)
            {
                w.WriteStartObject();
                w.WriteString("protocol", p.Protocol);
                Str("role", p.Role);
                Strings("rfcs", p.Rfcs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Bool("ipv4", n.Ipv4);
            Bool("ipv6", n.Ipv6);
            w.WriteEndObject();
        }

        /// <summary>Rows of the template's query-key tables (C-FIND, worklist, QIDO-RS), as `dcsc diff` compares them.</summary>
        private void QueryKeys()
        {
            w.WriteStartArray("queryKeys");
            foreach (var (section, content) in s.Sections.OrderBy(x => x.Key, StringComparer.Ordinal))
                foreach (var (table, rows) in content.Tables.OrderBy(x => x.Key, StringComparer.Ordinal))
                    foreach (var row in rows)
                    {
                        if (!row.Cells.TryGetValue("tag", out var tag) || tag.Count == 0) continue;
                        if (!row.Cells.Keys.Any(k => k.StartsWith("matching", StringComparison.Ordinal) || k == "return_key")) continue;
                        w.WriteStartObject();
                        w.WriteString("section", section);
                        w.WriteString("table", table);
                        w.WriteString("tag", tag[0]);
                        w.WriteStartObject("cells");
                        foreach (var (k, v) in row.Cells.OrderBy(x => x.Key, StringComparer.Ordinal)) w.WriteString(k, string.Join("; ", v));
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }
            w.WriteEndArray();
        }

        private void Iods()
        {
            w.WriteStartArray("iods");
            foreach (var iod in s.Iods)
            {
                w.WriteStartObject();
                w.WriteString("name", iod.Name);
                w.WritePropertyName("sopClass");
                Uid(iod.SopClass, s.SopClasses.FirstOrDefault(x => x.Uid == iod.SopClass)?.Name);
                w.WriteStartArray("modules");
                foreach (var m in iod.Modules.Concat(iod.FunctionalGroups).Concat(iod.PrivateModules))
                {
                    w.WriteStartObject();
                    w.WriteString("name", m.Name);
                    Str("presence", m.Presence);
                    w.WriteStartArray("attributes");
                    foreach (var a in m.Attributes)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", a.Name);
                        w.WriteString("tag", a.Tag);
                        Str("presenceOfAttribute", a.PresenceOfAttribute);
                        Str("presenceOfValue", a.PresenceOfValue);
                        Strings("source", a.Source);
                        Str("value", a.Value);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void DeIdentification()
        {
            w.WriteStartArray("deIdentification");
            foreach (var p in s.DeIdentification)
            {
                w.WriteStartObject();
                w.WriteString("profile", p.Profile);
                Strings("options", p.Options);
                Str("ae", p.Ae);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
    }
}
