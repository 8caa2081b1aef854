package cn.hanzhong.rectification.accountability.repository;

import cn.hanzhong.rectification.accountability.domain.TrackedIssue;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class TrackedIssueRepository implements PanacheRepositoryBase<TrackedIssue, UUID> {
}
