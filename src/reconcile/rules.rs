//! A channel's publishing rules, applied in this order: pool − buffer → × percent (rounded
//! down) → capped at max → 0 when ≤ zero-at → never below 0.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub buffer: i64,
    pub percent: i64,
    pub max: Option<i64>,
    pub zero_at: i64,
}

impl Default for Rule {
    fn default() -> Rule {
        Rule {
            buffer: 0,
            percent: 100,
            max: None,
            zero_at: 0,
        }
    }
}

/// Every intermediate figure, so `explain` can show the arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    pub after_buffer: i64,
    pub after_percent: i64,
    pub after_max: i64,
    pub zeroed: bool,
    pub target: i64,
}

impl Rule {
    pub fn apply(&self, pool: i64) -> Applied {
        let after_buffer = pool.saturating_sub(self.buffer);
        // Rounded down, also below zero, so a share never publishes a unit that is not there.
        let after_percent = after_buffer.saturating_mul(self.percent).div_euclid(100);
        let after_max = self.max.map_or(after_percent, |m| after_percent.min(m));
        let zeroed = after_max <= self.zero_at;
        let target = if zeroed { 0 } else { after_max }.max(0);
        Applied {
            after_buffer,
            after_percent,
            after_max,
            zeroed,
            target,
        }
    }

    /// This rule with a SKU's overrides on top.
    pub fn with(
        self,
        buffer: Option<i64>,
        percent: Option<i64>,
        max: Option<i64>,
        zero_at: Option<i64>,
    ) -> Rule {
        Rule {
            buffer: buffer.unwrap_or(self.buffer),
            percent: percent.unwrap_or(self.percent),
            max: max.or(self.max),
            zero_at: zero_at.unwrap_or(self.zero_at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(buffer: i64, percent: i64, max: Option<i64>, zero_at: i64) -> Rule {
        Rule {
            buffer,
            percent,
            max,
            zero_at,
        }
    }

    #[test]
    fn rules_apply_in_order() {
        // 20 − 2 = 18 → × 50% = 9 → max 8 → 8 > zero-at 3 → 8.
        assert_eq!(rule(2, 50, Some(8), 3).apply(20).target, 8);
        // Max before zero-at: 10 − 0 = 10 → × 100% → max 2 → 2 ≤ zero-at 2 → 0.
        assert_eq!(rule(0, 100, Some(2), 2).apply(10).target, 0);
        // Percent rounds down: 7 × 50% = 3.5 → 3.
        assert_eq!(rule(0, 50, None, 0).apply(7).target, 3);
        // Buffer before percent: (10 − 4) × 50% = 3, not 10 × 50% − 4 = 1.
        assert_eq!(rule(4, 50, None, 0).apply(10).target, 3);
    }

    #[test]
    fn negative_results_clamp_at_zero() {
        let a = rule(5, 100, None, 0).apply(3);
        assert_eq!((a.after_buffer, a.after_percent, a.target), (-2, -2, 0));
        // Rounding down below zero stays below zero, then clamps.
        assert_eq!(rule(0, 50, None, -10).apply(-3).after_percent, -2);
        assert_eq!(rule(0, 50, None, -10).apply(-3).target, 0);
        assert_eq!(Rule::default().apply(-4).target, 0);
    }

    #[test]
    fn sku_overrides_replace_only_what_they_set() {
        let r = rule(2, 80, Some(10), 1).with(Some(0), None, None, Some(3));
        assert_eq!(r, rule(0, 80, Some(10), 3));
    }
}
