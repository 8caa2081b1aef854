package cn.hanzhong.rectification.issues.repository;

import cn.hanzhong.rectification.issues.domain.SignOffObjection;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SignOffObjectionRepository implements PanacheRepositoryBase<SignOffObjection, UUID> {

    public List<SignOffObjection> ofNotice(UUID noticeId) {
        return find("noticeId", Sort.ascending("receivedAt", "id"), noticeId).list();
    }

    public long fromClientSince(String clientHash, OffsetDateTime since) {
        return count("clientHash = ?1 and receivedAt >= ?2", clientHash, since);
    }
}
