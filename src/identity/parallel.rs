//! Work split over the machine's cores with scoped threads: normalizing and scoring a million
//! records is embarrassingly parallel, and a thread pool crate would add nothing here.

use std::thread;

fn threads() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// `f` over every item, in order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    filter_map(items, |t| Some(f(t)))
}

/// `f` over every item, keeping only what it returns as `Some`, in order.
pub fn filter_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> Option<R> + Sync) -> Vec<R> {
    let chunk = items.len().div_ceil(threads()).max(1024);
    if items.len() <= chunk {
        return items.iter().filter_map(f).collect();
    }
    let f = &f;
    thread::scope(|s| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().filter_map(f).collect::<Vec<R>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order() {
        let items: Vec<u32> = (0..10_000).collect();
        assert_eq!(super::map(&items, |i| i * 2)[9_999], 19_998);
        let odd = super::filter_map(&items, |i| (i % 2 == 1).then_some(*i));
        assert_eq!(odd.len(), 5_000);
        assert_eq!(odd[0], 1);
    }
}
