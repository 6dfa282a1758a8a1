//! `ropa map`: draw the data-flow map of the register.

use std::io::Write;
use std::path::Path;

use super::output::{Owner, output_target};
use super::{Context, Exit};
use crate::cli::{MapArgs, MapBy, MapFormat};
use crate::export::written_by_ropa_as_anything;
use crate::load::Positions;
use crate::map::{self, By, layout};
use crate::source::FatalError;

pub fn run(ctx: &Context, args: &MapArgs) -> Exit {
    match draw(ctx, args) {
        Ok(exit) => exit,
        Err(e) => ctx.fail(&e),
    }
}

fn draw(ctx: &Context, args: &MapArgs) -> Result<Exit, FatalError> {
    let Some(output) = args.output.as_deref() else {
        return Err(FatalError::new("say where to write the map with -o FILE")
            .with_help("e.g. `ropa map -o map.svg`, or `-o -` to print it"));
    };
    let root = ctx.register_root(args.register.dir.as_deref())?;
    let loaded = ctx.load_whole(&root, "mapped", Positions::ValuesOnly)?;
    // Every problem has been reported; what follows reads only values.
    loaded.register.forget_positions();
    let register = &loaded.register;
    let selection = super::scope::selection(register, &args.scope)?;
    let chosen = selection.activities(register);
    if chosen.is_empty() && !selection.is_everything() {
        return Err(super::scope::nothing_selected(&args.scope));
    }
    let by = match args.by {
        MapBy::Flow => By::Flow,
        MapBy::Processor => By::Processor,
        MapBy::Country => By::Country,
    };
    let graph = map::build(register, &chosen, by);
    let title = title(register, args.by);
    // The drawing's pieces are written as they are, never joined into one more copy.
    let pieces = match args.format {
        MapFormat::Svg => map::svg_file_in_pieces(&graph, &title),
        MapFormat::Html => map::page::render_in_pieces(&graph, &layout(&graph), &title),
        MapFormat::Mermaid => vec![map::text::mermaid(&graph).into_bytes()],
        MapFormat::Dot => vec![map::text::dot(&graph, &title).into_bytes()],
    };
    let write = |out: &mut dyn Write| crate::fs_util::write_all_pieces(out, &pieces);
    if output == Path::new("-") {
        ctx.write_stdout_with(|out| write(out))?;
        return Ok(Exit::Clean);
    }
    let example = match args.format {
        MapFormat::Svg => "map.svg",
        MapFormat::Html => "map.html",
        MapFormat::Mermaid => "map.mmd",
        MapFormat::Dot => "map.dot",
    };
    let owner = Owner {
        ours: &|existing| map::is_map(existing),
        another: &|existing| {
            written_by_ropa_as_anything(existing) || crate::notice::is_notice(existing)
        },
        example,
        what: "a map",
        command: "ropa map",
    };
    let target = output_target(&ctx.resolve(Some(output)), &root, args.force, &owner)?;
    crate::fs_util::write_file_with(&target.path, target.replace, |file| write(file))?;
    if !ctx.quiet {
        let _ = writeln!(
            ctx.stdout(),
            "wrote the map of {} ({} boxes, {} flows) to {}",
            crate::view::activities(chosen.len()),
            graph.nodes.len(),
            graph.edges.len(),
            target.path.display()
        );
    }
    Ok(Exit::Clean)
}

fn title(register: &crate::model::Register, by: MapBy) -> String {
    let controller = register
        .config
        .as_ref()
        .map(|c| c.value.controller.name.trim().to_string())
        .filter(|n| !n.is_empty());
    let what = match by {
        MapBy::Flow => "Data-flow map",
        MapBy::Processor => "Processor map",
        MapBy::Country => "Transfer map",
    };
    match controller {
        Some(name) => format!("{what}: {name}"),
        None => what.to_string(),
    }
}
