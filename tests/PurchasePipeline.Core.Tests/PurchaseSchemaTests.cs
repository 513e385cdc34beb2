using PurchasePipeline.Core.Schema;

namespace PurchasePipeline.Core.Tests;

public class PurchaseSchemaTests
{
    [Fact]
    public void CsvHeader_IsTheSeedSystemsColumnsInOrder()
    {
        Assert.Equal(
            "user_id,session_id,category,brand,cost_price,selling_price,discount,timestamp,referrer,device_type,os,browser,ip_address,payment_method",
            PurchaseSchema.CsvHeader);
    }

    [Fact]
    public void RejectReasons_HaveAMissingReasonPerRequiredColumn()
    {
        foreach (var column in PurchaseSchema.Columns.Where(c => c.Required))
        {
            Assert.Contains("missing_" + column.Name, RejectReason.All);
        }

        Assert.DoesNotContain("missing_referrer", RejectReason.All);
        Assert.Equal(RejectReason.All.Count, RejectReason.All.Distinct().Count());
    }

    [Fact]
    public void UserSchema_StartsWithTheJoinKey()
    {
        Assert.Equal("user_id", UserSchema.ColumnNames[0]);
        Assert.Equal(11, UserSchema.Columns.Count);
    }
}
