//! Stable sorting with one copy of the standard library's sort in the app's wasm. Every
//! `sort_by` over another element type or with another closure is a copy of the sort of its
//! own (about 4 kB of wasm each: eight were 32 kB, 6 % of the app); here every caller shares
//! one, which sorts indices.
//!
//! ```
//! use innovation_atlas::order;
//! let mut names = vec!["Seoul", "Boston", "Paris"];
//! order::sort_by_key(&mut names, |n| n.len());
//! assert_eq!(names, ["Seoul", "Paris", "Boston"]); // stable: Seoul stays before Paris
//! assert_eq!(order::indices_by(3, &|a, b| b.cmp(&a)), [2, 1, 0]);
//! ```

use std::cmp::Ordering;

/// The indices `0..n` in the order `cmp` gives them (stable: equal ones keep their order).
pub fn indices_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sorts `items` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = indices_by(items.len(), &|a, b| cmp(&items[a], &items[b]));
    arrange(items, &order);
}

/// Sorts `items` stably by `key`, computed once per item, like `slice::sort_by_cached_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = indices_by(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    arrange(items, &order);
}

/// Puts `items` in `order` (a permutation of their indices).
fn arrange<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_keeps_every_item_once_and_equal_ones_in_order() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        sort_by(&mut pairs, |a, b| b.1.cmp(&a.1));
        assert_eq!(pairs, [(1, 'e'), (0, 'd'), (2, 'c'), (1, 'b'), (2, 'a')]);
    }

    #[test]
    fn an_empty_list_stays_empty() {
        let mut none: Vec<u8> = Vec::new();
        sort_by_key(&mut none, |n| *n);
        assert!(none.is_empty());
        assert!(indices_by(0, &|a, b| a.cmp(&b)).is_empty());
    }
}
