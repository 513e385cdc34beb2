namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// The page's only stylesheet, inlined. System font stack (no web fonts); the charts take their colours
/// from the tone classes here, so a dark colour scheme restyles them too.
/// </summary>
internal static class DashboardStyles
{
    public const string Css = """

        :root {
          --bg: #f3f5fa; --card: #ffffff; --ink: #0f172a; --muted: #64748b; --line: #e5e9f0; --track: #eef1f6;
          --indigo: #4f46e5; --sky: #0284c7; --violet: #7c3aed; --emerald: #059669; --amber: #d97706; --rose: #e11d48;
          --shadow: 0 1px 2px rgba(15, 23, 42, .05), 0 4px 16px rgba(15, 23, 42, .06);
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0b1020; --card: #131a2c; --ink: #e2e8f0; --muted: #94a3b8; --line: #243049; --track: #1c2540;
            --indigo: #818cf8; --sky: #38bdf8; --violet: #a78bfa; --emerald: #34d399; --amber: #fbbf24; --rose: #fb7185;
            --shadow: 0 1px 2px rgba(0, 0, 0, .4);
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--ink);
          font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        header.top { background: linear-gradient(120deg, #111827 0%, #1e1b4b 45%, #3730a3 100%); color: #fff; padding: 28px 32px 84px; }
        .top-inner { max-width: 1320px; margin: 0 auto; display: flex; flex-wrap: wrap; gap: 16px 40px; align-items: flex-end; justify-content: space-between; }
        .eyebrow { margin: 0 0 4px; font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: #c7d2fe; }
        h1 { margin: 0; font-size: 28px; font-weight: 650; letter-spacing: -.01em; }
        .meta { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; }
        .meta div { background: rgba(255, 255, 255, .1); border: 1px solid rgba(255, 255, 255, .16); border-radius: 10px; padding: 6px 12px; }
        .meta dt { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #c7d2fe; }
        .meta dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
        main { max-width: 1320px; margin: -60px auto 0; padding: 0 24px 24px; }
        .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 16px; margin-bottom: 20px; }
        .kpi { background: var(--card); border-radius: 14px; padding: 16px 18px 14px; box-shadow: var(--shadow); border-top: 3px solid var(--tone); }
        .kpi-indigo { --tone: var(--indigo); } .kpi-sky { --tone: var(--sky); } .kpi-emerald { --tone: var(--emerald); }
        .kpi-violet { --tone: var(--violet); } .kpi-rose { --tone: var(--rose); } .kpi-amber { --tone: var(--amber); }
        .kpi-label { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
        .kpi-value { font-size: 30px; font-weight: 700; letter-spacing: -.02em; margin-top: 2px; font-variant-numeric: tabular-nums; }
        .kpi-sub { font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; }
        .grid { display: grid; grid-template-columns: repeat(12, minmax(0, 1fr)); gap: 20px; }
        .card { grid-column: span 12; display: flex; flex-direction: column; background: var(--card); border-radius: 14px; padding: 18px 20px 14px; box-shadow: var(--shadow); min-width: 0; }
        .span-4 { grid-column: span 4; } .span-6 { grid-column: span 6; } .span-8 { grid-column: span 8; } .span-12 { grid-column: span 12; }
        .machine svg.chart { max-height: 1500px; }
        @media (max-width: 1100px) { .span-4 { grid-column: span 6; } .span-8 { grid-column: span 12; } }
        @media (max-width: 760px) { .span-4, .span-6 { grid-column: span 12; } header.top { padding: 20px 18px 76px; } main { padding: 0 12px 16px; } }
        .card-head { display: flex; gap: 12px; justify-content: space-between; align-items: flex-start; }
        .card h2 { margin: 0; font-size: 15px; font-weight: 650; }
        .sub { margin: 2px 0 14px; font-size: 12px; color: var(--muted); }
        .legend { display: flex; gap: 14px; font-size: 12px; color: var(--muted); white-space: nowrap; }
        .key::before { content: ""; display: inline-block; width: 14px; height: 3px; border-radius: 2px; margin-right: 6px; vertical-align: middle; background: var(--indigo); }
        .key-margin::before { background: var(--emerald); }
        svg.chart { display: block; flex: none; width: 100%; height: auto; overflow: visible; margin-bottom: 10px; }
        svg text { fill: var(--ink); font-size: 12px; font-family: inherit; }
        svg .axis { fill: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
        svg .head { font-weight: 600; }
        svg .grid { stroke: var(--line); stroke-dasharray: 3 4; }
        svg .area-top { stop-color: var(--indigo); stop-opacity: .28; }
        svg .area-bottom { stop-color: var(--indigo); stop-opacity: .02; }
        svg .line { fill: none; stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
        svg .revenue { stroke: var(--indigo); }
        svg .margin { stroke: var(--emerald); stroke-width: 2; }
        svg .dot { fill: var(--card); stroke: var(--indigo); stroke-width: 2; }
        svg .hit { fill: transparent; }
        svg .hit:hover { fill: var(--indigo); fill-opacity: .07; }
        svg .track { fill: var(--track); }
        svg .bar { fill: var(--tone); }
        svg .bar-row:hover .bar { fill-opacity: .8; }
        svg .label { font-weight: 500; }
        svg .note { fill: var(--muted); font-size: 10.5px; }
        svg .value { font-weight: 600; font-variant-numeric: tabular-nums; }
        .tone-indigo { --tone: var(--indigo); } .tone-sky { --tone: var(--sky); } .tone-violet { --tone: var(--violet); }
        .tone-amber { --tone: var(--amber); } .tone-rose { --tone: var(--rose); }
        svg .cell { fill: var(--indigo); }
        svg .cell.empty { fill: var(--track); }
        svg .cell-value { font-weight: 650; font-variant-numeric: tabular-nums; }
        svg .cell-note { font-size: 10.5px; fill: var(--muted); }
        svg .strong { fill: #fff; }
        .empty { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 2px; min-height: 140px;
          border: 1.5px dashed var(--line); border-radius: 12px; color: var(--muted); text-align: center; padding: 16px; }
        .empty strong { color: var(--ink); font-weight: 600; }
        details.data { margin-top: auto; border-top: 1px solid var(--line); padding-top: 8px; }
        details.data summary { cursor: pointer; font-size: 12px; color: var(--muted); }
        .table-wrap { overflow-x: auto; }
        table { width: 100%; border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
        caption { white-space: normal; text-align: left; font-size: 12px; color: var(--muted); padding: 6px 0; }
        th { text-align: left; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); border-bottom: 1px solid var(--line); padding: 8px 10px; }
        td { padding: 6px 10px; border-bottom: 1px solid var(--line); white-space: nowrap; }
        tbody tr:hover { background: var(--track); }
        th.num, td.num { text-align: right; }
        #runs caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        #runs td:first-child { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
        .warning { margin: 0 0 10px; padding: 8px 12px; border-radius: 8px; background: rgba(225, 29, 72, .08); color: var(--rose); }
        .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-bottom: 14px; }
        .stat { overflow-wrap: anywhere; border: 1px solid var(--line); border-left: 4px solid var(--tone); border-radius: 10px; padding: 10px 14px; }
        .stat-ok { --tone: var(--emerald); } .stat-bad { --tone: var(--rose); } .stat-none { --tone: var(--line); }
        .stat-value { font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; }
        .stat-bad .stat-value { color: var(--rose); }
        #health .table-wrap { margin-bottom: 12px; }
        #failed td:last-child { white-space: normal; min-width: 16em; }
        .chart-narrow { display: none; }
        .machine { overflow-x: auto; }
        @media (max-width: 600px) { .machine svg.chart { width: var(--phone-width); max-width: none; max-height: none; } }
        @media (max-width: 600px) { #rules th, #rules td { white-space: normal; padding: 6px; } #rules td:first-child { overflow-wrap: anywhere; } }
        @media (max-width: 600px) { .chart-wide { display: none; } .chart-narrow { display: block; } h1 { font-size: 24px; } .kpi-value { font-size: 26px; } }
        footer { max-width: 1320px; margin: 0 auto; padding: 4px 24px 32px; font-size: 12px; color: var(--muted); }

        """;
}
