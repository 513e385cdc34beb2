using PurchasePipeline.Core.Schema;
using PurchasePipeline.Generator.Rows;

namespace PurchasePipeline.Generator.Dirty;

/// <summary>
/// Turns a clean purchase into a row the transform rejects. Each kind breaks exactly one thing of a clean
/// row, so the first reason that applies (in <see cref="RejectReason.All"/> order) is the intended one.
/// </summary>
internal static class RejectedRows
{
    private static readonly string[] ExtraFields = ["gift wrap", "FRAGILE", "promo", "note: leave at door", "1"];

    private static readonly int[] RequiredColumns =
    [
        .. PurchaseSchema.Columns.Select((c, i) => (c, i)).Where(x => x.c.Required).Select(x => x.i),
    ];

    public static GeneratedRow Create(DirtyKind kind, Random random, Purchase purchase)
    {
        var fields = purchase.ToFields();
        if (kind == DirtyKind.ExtraField)
        {
            return new GeneratedRow(fields, ExtraFields[random.Next(ExtraFields.Length)], RowOutcome.Rejected(RejectReason.MalformedRow), kind);
        }

        var (column, value, reason) = Break(kind, random, purchase);
        fields[column] = value;
        return new GeneratedRow(fields, null, RowOutcome.Rejected(reason), kind);
    }

    private static (int Column, string Value, string Reason) Break(DirtyKind kind, Random random, Purchase p)
    {
        switch (kind)
        {
            case DirtyKind.MissingField:
                var column = RequiredColumns[random.Next(RequiredColumns.Length)];
                return (column, random.Next(2) == 0 ? string.Empty : "   ", RejectReason.Missing(PurchaseSchema.ColumnNames[column]));
            case DirtyKind.InvalidUserId:
                return (PurchaseColumns.UserId, BadIdentifiers.UserId(random, p.UserId), RejectReason.InvalidUserId);
            case DirtyKind.InvalidSessionId:
                return (PurchaseColumns.SessionId, BadIdentifiers.SessionId(random, p.SessionId), RejectReason.InvalidSessionId);
            case DirtyKind.NonNumericCostPrice:
                return (PurchaseColumns.CostPrice, BadAmounts.CostPrice(random, p.CostPrice), RejectReason.InvalidCostPrice);
            case DirtyKind.NonNumericSellingPrice:
                return (PurchaseColumns.SellingPrice, BadAmounts.SellingPrice(random, p.SellingPrice), RejectReason.InvalidSellingPrice);
            case DirtyKind.NonNumericDiscount:
                return (PurchaseColumns.Discount, BadAmounts.Discount(random, p.Discount), RejectReason.InvalidDiscount);
            case DirtyKind.NegativeAmount:
                var (negative, value) = BadAmounts.Negative(random, p);
                return (negative, value, RejectReason.NegativeAmount);
            case DirtyKind.DiscountExceedsPrice:
                return (PurchaseColumns.Discount, BadAmounts.ExceedingDiscount(random, p.SellingPrice), RejectReason.DiscountExceedsPrice);
            case DirtyKind.MalformedTimestamp:
                return (PurchaseColumns.Timestamp, BadTimestamps.Malformed(random, p.Timestamp), RejectReason.InvalidTimestamp);
            case DirtyKind.ImpossibleTimestamp:
                return (PurchaseColumns.Timestamp, BadTimestamps.Impossible(random, p.Timestamp), RejectReason.InvalidTimestamp);
            case DirtyKind.InvalidIpAddress:
                return (PurchaseColumns.IpAddress, BadIpAddresses.Pick(random, p.IpAddress), RejectReason.InvalidIpAddress);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of rejected row.");
        }
    }
}
