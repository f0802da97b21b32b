using Dcsc.Dictionary;
using Dcsc.Match;

namespace Dcsc.Tests.Dictionary;

/// <summary>The one service catalogue that Rules, Layout and Match ask (src/Dcsc.Core/Dictionary/ServiceCatalogue.cs).</summary>
public class ServiceCatalogueTests
{
    private static readonly DicomDictionary D = DicomDictionary.Standard;

    [Theory]
    [InlineData("1.2.840.10008.1.1", ServiceFamily.Verification, "verification")]
    [InlineData("1.2.840.10008.5.1.4.1.1.2", ServiceFamily.Storage, "storage")]
    [InlineData("1.2.840.10008.5.1.4.1.2.2.1", ServiceFamily.QrFind, "query-retrieve")]
    [InlineData("1.2.840.10008.5.1.4.1.2.2.2", ServiceFamily.QrMove, "query-retrieve")]
    [InlineData("1.2.840.10008.5.1.4.1.2.2.3", ServiceFamily.QrGet, "query-retrieve")]
    [InlineData("1.2.840.10008.5.1.4.31", ServiceFamily.Worklist, "worklist")]
    [InlineData("1.2.840.10008.3.1.2.3.3", ServiceFamily.Mpps, "mpps")]
    [InlineData("1.2.840.10008.1.20.1", ServiceFamily.StorageCommitment, "storage-commitment")]
    [InlineData("1.2.840.10008.5.1.4.34.6.1", ServiceFamily.UpsPush, "ups")]
    [InlineData("1.2.840.10008.5.1.1.9", ServiceFamily.PrintMeta, "print")]
    [InlineData("1.2.840.10008.10.1", ServiceFamily.RealTimeVideo, "other-dimse")]
    [InlineData("1.2.840.10008.1.2.1", ServiceFamily.Other, "other-dimse")] // a Transfer Syntax
    [InlineData("1.2.3.4.5", ServiceFamily.Unknown, "other-dimse")]
    public void Family_and_match_service_come_from_the_dictionary(string uid, ServiceFamily family, string matchService)
    {
        Assert.Equal(family, ServiceCatalogue.FamilyOf(uid, D));
        Assert.Equal(matchService, Matcher.ServiceOf(family));
    }

    [Fact]
    public void A_private_sop_class_is_classified_by_its_declared_service_class_not_by_words_in_its_name()
    {
        var withExtra = D.WithExtras(new[] { new UidEntry("1.3.6.1.4.1.99999.1", "Acme Raw Storage", "", UidType.SopClass, false, "Storage") }, null);
        Assert.Equal(ServiceFamily.Storage, ServiceCatalogue.FamilyOf("1.3.6.1.4.1.99999.1", withExtra));
        var undeclared = D.WithExtras(new[] { new UidEntry("1.3.6.1.4.1.99999.2", "Acme Storage Thing", "", UidType.SopClass, false, null) }, null);
        Assert.Equal(ServiceFamily.Other, ServiceCatalogue.FamilyOf("1.3.6.1.4.1.99999.2", undeclared));
    }

    [Theory]
    [InlineData("Procedure Step (Modality Performed Procedure Step)", "Modality Performed Procedure Step", OverviewTable.Workflow)]
    [InlineData("Unified Procedure Step", "Unified Worklist and Procedure Step", OverviewTable.Workflow)]
    [InlineData("Storage", "Storage", OverviewTable.Storage)]
    [InlineData("Non-Patient Object Storage", "Storage", OverviewTable.Storage)]
    [InlineData("Media Storage", "Media Storage", OverviewTable.Storage)]
    [InlineData("Hanging Protocol Query/Retrieve", "Hanging Protocol Query/Retrieve", OverviewTable.QueryRetrieve)]
    [InlineData("Relevant Patient Information Query", "Relevant Patient Information Query", OverviewTable.QueryRetrieve)]
    [InlineData("Composite Instance Root Retrieve", "Composite Instance Root Retrieve", OverviewTable.QueryRetrieve)]
    [InlineData("", "Other", OverviewTable.None)]
    public void Service_classes_have_one_display_name_and_overview_table(string serviceClass, string display, OverviewTable table)
    {
        var info = ServiceCatalogue.Describe(serviceClass);
        Assert.Equal((display, table), (info.DisplayName, info.Overview));
    }

    [Fact]
    public void Services_are_ordered_as_the_template_lists_them()
    {
        var order = new[] { "Verification", "Basic Worklist Management", "Procedure Step (Modality Performed Procedure Step)", "Storage", "Query/Retrieve", "Print Management", "Application Event Logging" }
            .Select(ServiceCatalogue.Describe).Select(i => i.Order).ToList();
        Assert.Equal(order.OrderBy(o => o).ToList(), order);
    }

    [Fact]
    public void A_uid_is_named_as_the_statement_declares_it_else_as_the_dictionary_does_else_by_the_uid()
    {
        Assert.Equal("JPEG Lossless SV1", ServiceCatalogue.NameOf("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1", D));
        Assert.StartsWith("JPEG Lossless, Non-Hierarchical", ServiceCatalogue.NameOf("1.2.840.10008.1.2.4.70", null, D));
        Assert.Equal("1.2.3.4.5", ServiceCatalogue.NameOf("1.2.3.4.5", " ", D));
    }
}
