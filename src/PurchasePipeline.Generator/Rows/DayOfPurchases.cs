namespace PurchasePipeline.Generator.Rows;

/// <summary>Exactly <c>count</c> clean purchases made on one day, in time order as a shop export lists them.</summary>
internal static class DayOfPurchases
{
    public static IReadOnlyList<Purchase> Create(SessionPlanner sessions, DateOnly day, int count)
    {
        var purchases = new List<Purchase>(count);
        while (purchases.Count < count)
        {
            purchases.AddRange(sessions.Session(day, count - purchases.Count));
        }

        // OrderBy is stable: purchases at the same second keep their generation order.
        return [.. purchases.OrderBy(p => p.Timestamp)];
    }
}
