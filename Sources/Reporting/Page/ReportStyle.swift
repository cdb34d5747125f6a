/// The report's stylesheet: system fonts only (nothing to fetch), print-friendly.
enum ReportStyle {
  static let css = """
    :root { color-scheme: light; }
    body { margin: 0 auto; max-width: 1000px; padding: 24px 20px 48px;
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
      color: #111827; background: #ffffff; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 18px; margin: 32px 0 4px; padding-top: 8px; border-top: 1px solid #e5e7eb; }
    .meta, .note, figcaption, footer { color: #4b5563; }
    .note { margin: 0 0 12px; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 8px; }
    .card { flex: 1 1 200px; border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 14px;
      background: #f9fafb; }
    .card-title { font-size: 12px; color: #4b5563; }
    .card-value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .card-detail { font-size: 12px; color: #4b5563; }
    figure { margin: 0 0 18px; }
    figcaption { font-size: 12px; margin-top: 2px; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
      gap: 8px 20px; }
    svg.chart { width: 100%; height: auto; display: block;
      font-family: system-ui, "DejaVu Sans", sans-serif; }
    svg.chart text { fill: #374151; }
    svg.chart .axis-title { fill: #4b5563; }
    svg.chart .axis-x line { stroke: #6b7280; }
    svg.chart .grid line { stroke: #e5e7eb; stroke-width: 1; }
    svg.chart .grid line.grid-x { stroke: #f3f4f6; }
    svg.chart .halo { paint-order: stroke; stroke: #ffffff; stroke-width: 3px;
      stroke-linejoin: round; }
    svg.chart text.event-label, svg.chart text.rule-label { font-weight: 600; }
    table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums;
      font-size: 13px; }
    th, td { padding: 4px 8px; border-bottom: 1px solid #e5e7eb; text-align: right;
      white-space: nowrap; }
    th:first-child, td:first-child { text-align: left; }
    th { font-weight: 600; color: #374151; background: #f9fafb; white-space: normal;
      vertical-align: bottom; }
    .table-wrap { overflow-x: auto; }
    code { font-size: 12px; }
    footer { margin-top: 32px; font-size: 12px; }
    @media print { h2 { break-before: auto; } figure { break-inside: avoid; } }
    """
}
