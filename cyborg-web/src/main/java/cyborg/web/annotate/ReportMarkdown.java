package cyborg.web.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link StudyReport}'s Markdown: the numbers of report.json, in tables and sentences a paper can cite. */
final class ReportMarkdown {
    private ReportMarkdown() {
    }

    static String of(StudyReport.Report r) {
        StringBuilder md = new StringBuilder();
        StudyStats.Group all = r.study().overall();
        md.append("# Annotation study report\n\n");
        md.append("Database `").append(r.database()).append("`, reported ").append(r.generated())
                .append(" by `cyborg annotate report`. The same numbers are in `").append(StudyReport.JSON)
                .append("`; the definitions are at the end.\n\n");
        md.append("## Summary\n\n");
        md.append("- Annotators: ").append(r.study().annotators()).append('\n');
        md.append("- Annotations: ").append(all.annotations()).append(" (").append(all.work()).append(" work, ")
                .append(all.gold()).append(" gold, ").append(all.imported()).append(" imported); skipped tasks: ")
                .append(all.skips()).append('\n');
        md.append("- Time per annotation (decide + paint): ").append(spread(all.times().totalMs())).append('\n');
        md.append("- Accuracy: ").append(share(all.accuracy())).append("; gold accuracy: ")
                .append(share(all.goldAccuracy())).append('\n');
        md.append("- Reviewed: ").append(all.rejected().of()).append(", rejected: ").append(share(all.rejected()))
                .append("; ").append(r.rejectedLeftOut()).append(" rejected annotation(s) left out of agreement and"
                        + " mean masks\n");
        StudyReport.AgreementSection a = r.agreement();
        md.append("- Images with 2+ masks: ").append(a.imagesWithTwoOrMoreMasks());
        if (a.imagesWithTwoOrMoreMasks() > 0) {
            md.append("; mean pairwise IoU ").append(StudyReport.fixed(a.meanIou(), 3)).append(", SSIM ")
                    .append(StudyReport.fixed(a.meanSsim(), 3)).append(" (mean over those images)");
        }
        md.append("\n\n");

        md.append("## Annotators\n\n");
        md.append("| Annotator | Annotations | Work | Gold | Imported | Skips | Accuracy | Gold accuracy | Rejected |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (StudyStats.Group g : groups(r)) {
            md.append("| ").append(g.annotator()).append(" | ").append(g.annotations()).append(" | ").append(g.work())
                    .append(" | ").append(g.gold()).append(" | ").append(g.imported()).append(" | ").append(g.skips())
                    .append(" | ").append(share(g.accuracy())).append(" | ").append(share(g.goldAccuracy()))
                    .append(" | ").append(share(g.rejected())).append(" |\n");
        }
        md.append("\nShares are given as count/of (percent); – where there is nothing to count.\n\n");

        md.append("## Time per annotation and throughput\n\n");
        md.append("Median (first–third quartile) in seconds; n annotations timed.\n\n");
        md.append("| Annotator | n | Decide | Paint | Decide + paint | Active hours | Per active hour | Per span hour |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (StudyStats.Group g : groups(r)) {
            StudyStats.Throughput t = g.throughput();
            md.append("| ").append(g.annotator()).append(" | ").append(g.times().totalMs().n()).append(" | ")
                    .append(seconds(g.times().decideMs())).append(" | ").append(seconds(g.times().paintMs()))
                    .append(" | ").append(seconds(g.times().totalMs())).append(" | ")
                    .append(StudyReport.fixed(t.activeHours(), 3)).append(" | ")
                    .append(StudyReport.fixed(t.perActiveHour(), 1)).append(" | ")
                    .append(StudyReport.fixed(t.perSpanHour(), 1)).append(" |\n");
        }
        md.append("\nPer active hour counts only the time spent deciding and painting; per span hour the saves after"
                + " the first per hour from the first save to the last, pauses included (for ")
                .append(StudyStats.EVERYONE).append(", the whole study's span).\n\n");

        md.append("## Agreement per image\n\n");
        if (a.imagesWithTwoOrMoreMasks() == 0) {
            md.append("No image has two or more masks yet (rejected ones left out): nothing to agree.\n\n");
        } else {
            md.append(a.imagesWithTwoOrMoreMasks()).append(" image(s) have two or more masks. Mean pairwise IoU ")
                    .append(StudyReport.fixed(a.meanIou(), 3)).append(", SSIM ").append(StudyReport.fixed(a.meanSsim(), 3))
                    .append(" (mean over those images).\n\n");
            md.append("![IoU histogram](agreement-iou.png)\n\n![SSIM histogram](agreement-ssim.png)\n\n");
            md.append("(SVG beside them: `agreement-iou.svg`, `agreement-ssim.svg`.)\n\n");
            if (a.csv() != null) {
                md.append("Per image: [`").append(a.csv()).append("`](").append(a.csv()).append(") (")
                        .append(a.images().size()).append(" rows) and `").append(StudyReport.JSON).append("`.\n\n");
            } else {
                md.append("| Image | Label | Masks | IoU | SSIM | Decisions | Accuracy |\n");
                md.append("|---|---|---:|---:|---:|---:|---:|\n");
                for (Agreement.ImageAgreement i : a.images()) {
                    md.append("| ").append(cell(i.name())).append(" | ").append(i.label()).append(" | ").append(i.masks())
                            .append(" | ").append(StudyReport.fixed(i.iou(), 3)).append(" | ")
                            .append(StudyReport.fixed(i.ssim(), 3)).append(" | ").append(i.decisions()).append(" | ")
                            .append(StudyReport.fixed(i.accuracy(), 3)).append(" |\n");
                }
                md.append('\n');
            }
        }

        md.append("## Mean masks\n\n");
        if (r.imagesRoot() == null) {
            md.append("Drawn on black: no data root was given (`--folder`, or `--images`), so the masks are shown"
                    + " without their images.\n\n");
        }
        if (r.meanMasks().isEmpty()) {
            md.append("No masks to draw.\n\n");
        }
        for (MeanMasks.ClassMasks m : r.meanMasks()) {
            md.append("### ").append(m.label()).append("\n\n");
            md.append("The ").append(m.grid().size()).append(" image(s) with the most masks, each with the mean of its"
                    + " masks:\n\n![").append(m.label()).append(" grid](").append(m.gridFile()).append(")\n\n");
            md.append("The mean over all ").append(m.images()).append(" masked ").append(m.label())
                    .append(" image(s) (").append(m.masks()).append(" masks), at ").append(m.meanWidth()).append('x')
                    .append(m.meanHeight()).append(", drawn with its largest share (")
                    .append(StudyReport.fixed(m.meanPeak(), 3)).append(") at full heat:\n\n![").append(m.label()).append(" mean](")
                    .append(m.meanFile()).append(")\n\n");
        }

        if (r.humanMaps() != null) {
            MapAgreement.Result h = r.humanMaps();
            md.append("## Masks against the data set's human maps\n\n");
            md.append("Map folder `").append(h.dir()).append("`: ").append(h.imagesWithMaps())
                    .append(" image(s) of the database have maps.\n\n");
            md.append("| Annotator | Masks compared | Mean IoU |\n|---|---:|---:|\n");
            List<MapAgreement.AnnotatorIou> rows = new ArrayList<>(h.perAnnotator());
            rows.add(h.overall());
            for (MapAgreement.AnnotatorIou a2 : rows) {
                md.append("| ").append(a2.annotator()).append(" | ").append(a2.masks()).append(" | ")
                        .append(StudyReport.fixed(a2.meanIou(), 3)).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Definitions\n\n");
        for (Map.Entry<String, String> d : r.definitions().entrySet()) {
            md.append("- **").append(d.getKey().replace('_', ' ')).append("**: ").append(d.getValue()).append('\n');
        }
        return md.toString();
    }

    /** A file name as a table cell: a '|' in it would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static List<StudyStats.Group> groups(StudyReport.Report r) {
        List<StudyStats.Group> out = new ArrayList<>(r.study().perAnnotator());
        out.add(r.study().overall());
        return out;
    }

    private static String share(StudyStats.Share s) {
        return s.share() == null ? "–" : String.format(Locale.ROOT, "%d/%d (%.1f%%)", s.count(), s.of(), 100 * s.share());
    }

    private static String seconds(StudyStats.Spread s) {
        if (s.n() == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", s.median() / 1000, s.q1() / 1000, s.q3() / 1000);
    }

    private static String spread(StudyStats.Spread s) {
        return s.n() == 0 ? "not recorded" : String.format(Locale.ROOT, "median %.1f s (quartiles %.1f–%.1f s, n = %d)",
                s.median() / 1000, s.q1() / 1000, s.q3() / 1000, s.n());
    }
}
